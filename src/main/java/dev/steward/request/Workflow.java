package dev.steward.request;

import com.google.crypto.tink.Aead;
import dev.steward.policy.PublishedPolicy;
import dev.steward.principal.Principal;
import dev.steward.request.Applicable.Granted;
import dev.steward.request.EventRows.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The steps every change of a request takes inside its transaction: the state move (refused with a
 * 409 when not allowed), the event row, the audit entry (ids and codes only), and the clocks
 * counted again when what they depend on changed.
 */
final class Workflow {
  private final RequestContext context;

  Workflow(RequestContext context) {
    this.context = context;
  }

  /**
   * Starts a verified request: {@code in_progress}, then the fulfilment plan in the same
   * transaction, and {@code awaiting_systems} when the plan gave systems work to do.
   */
  RequestRow start(Handle handle, RequestRow row, Principal actor) {
    RequestRow started = move(handle, row, RequestState.IN_PROGRESS, actor, "started", null, null);
    java.util.List<String> jurisdictions =
        CaseRows.clocks(handle, row.id()).stream().map(ClockRow::jurisdictionId).toList();
    FulfilmentPlanner.Plan plan =
        context.planner.plan(
            handle,
            new FulfilmentPlanner.StartedRequest(
                row.id(),
                row.reference(),
                row.type(),
                java.util.Optional.ofNullable(row.progress().subjectId()),
                jurisdictions,
                java.util.Optional.ofNullable(row.documentId()),
                row.language().tag(),
                row.progress().dueAt(),
                reachable(handle, row)));
    return plan == FulfilmentPlanner.Plan.AWAITING_SYSTEMS
        ? move(handle, started, RequestState.AWAITING_SYSTEMS, actor, "planned", null, null)
        : started;
  }

  /**
   * The request's identities fulfilment may look the person up by in the company's systems: the
   * ones its verification proved, or all it gave when it needed no verification step, the same rule
   * as linking to a vault subject. Only e-mail and phone are held as values (sealed).
   */
  private java.util.List<FulfilmentPlanner.GivenIdentity> reachable(Handle handle, RequestRow row) {
    java.util.Map<String, Boolean> types = new java.util.HashMap<>();
    handle
        .createQuery("select identity_type, proof from request_identity where request_id = :id")
        .bind("id", row.id())
        .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getString(2) != null))
        .forEach(e -> types.merge(e.getKey(), e.getValue(), Boolean::logicalOr));
    boolean anyProven = types.containsValue(true);
    String needed =
        handle
            .createQuery("select verification_needed from rights_request where id = :id")
            .bind("id", row.id())
            .mapTo(String.class)
            .findOne()
            .orElse(null);
    if (!anyProven && needed != null && !needed.isBlank()) {
      return java.util.List.of(); // steps were needed and proved nothing: nothing reaches
    }
    Contact contact = contact(row);
    java.util.List<FulfilmentPlanner.GivenIdentity> given = new java.util.ArrayList<>();
    if (contact.email() != null
        && (anyProven ? types.getOrDefault("email", false) : types.containsKey("email"))) {
      given.add(new FulfilmentPlanner.GivenIdentity("email", contact.email()));
    }
    if (contact.phone() != null
        && (anyProven ? types.getOrDefault("phone", false) : types.containsKey("phone"))) {
      given.add(new FulfilmentPlanner.GivenIdentity("phone", contact.phone()));
    }
    return given;
  }

  /** Moves the request to {@code target}, stores it, and records who did it and why. */
  RequestRow move(
      Handle handle,
      RequestRow row,
      RequestState target,
      Principal actor,
      String action,
      String code,
      String note) {
    RequestState from = row.state();
    RequestRow moved = row.change(edit -> edit.state = from.moveTo(target));
    if (!target.isOpen()) {
      moved = moved.change(edit -> edit.closedAt = now());
    }
    RequestRows.update(handle, moved);
    event(handle, moved, from, actor, action, code, note);
    context.listener.stateChanged(handle, RequestSummary.of(moved, now()), from);
    return moved;
  }

  /** Records a step that leaves the state as it is (pause, assignment, an upload ...). */
  void note(
      Handle handle, RequestRow row, Principal actor, String action, String code, String note) {
    event(handle, row, row.state(), actor, action, code, note);
  }

  private void event(
      Handle handle,
      RequestRow row,
      RequestState from,
      Principal actor,
      String action,
      String code,
      String note) {
    byte[] sealed = note == null ? null : Sealed.sealText(key(row), row.id(), "note", note);
    EventRows.append(
        handle,
        row.id(),
        new Event(
            0,
            now(),
            action,
            from == null ? null : from.id(),
            row.state().id(),
            actor.actorType(),
            actor.actorId(),
            code,
            sealed));
    String detail = "state=" + row.state().id() + (code == null ? "" : " code=" + code);
    context.audit.record(
        handle, actor, "request." + action, "request", row.id().toString(), "ok", detail);
  }

  /**
   * Counts every clock again from the request's inputs and stores them; the earliest due governs.
   * The identity date moves a UK month only when evidence was asked for; the fee date when staff
   * recorded one.
   */
  RequestRow reclock(Handle handle, RequestRow row, List<Granted> granted, boolean extend) {
    PublishedPolicy policy = context.policies.current();
    Instant identity =
        row.progress().needed().isEmpty() ? null : row.progress().identityReceivedAt();
    RequestClocks.Inputs inputs =
        new RequestClocks.Inputs(
            row.receivedAt(),
            identity,
            CaseRows.feeReceivedAt(handle, row.id()),
            CaseRows.pauses(handle, row.id()),
            extend);
    List<ClockRow> clocks =
        granted.stream()
            .map(
                g ->
                    RequestClocks.clock(
                        context.legalClock(policy, g.jurisdiction()),
                        g.jurisdiction(),
                        g.right(),
                        inputs))
            .toList();
    CaseRows.replaceClocks(handle, row.id(), clocks);
    Optional<ClockRow> governing = RequestClocks.governing(clocks);
    Optional<ClockRow> stopped = RequestClocks.stopped(clocks);
    RequestRow clocked =
        row.change(
            edit -> {
              edit.stoppedSince = stopped.map(ClockRow::stoppedSince).orElse(null);
              edit.daysLeftWhenResumed = stopped.map(ClockRow::daysLeftWhenResumed).orElse(null);
              // While every clock is stopped, the stopped one is the one to watch.
              edit.governing =
                  governing.or(() -> stopped).map(ClockRow::jurisdictionId).orElse(null);
              edit.dueAt = governing.map(ClockRow::dueAt).orElse(null);
              edit.dueDate = governing.map(ClockRow::dueDate).orElse(null);
              edit.confirmBy = RequestClocks.confirmBy(clocks);
            });
    RequestRows.update(handle, clocked);
    return clocked;
  }

  /** The rights in force today for the jurisdictions whose clocks run on the request. */
  List<Granted> granted(Handle handle, RequestRow row) {
    var policy = context.policies.current().policy();
    return CaseRows.clocks(handle, row.id()).stream()
        .map(ClockRow::jurisdictionId)
        .flatMap(id -> policy.jurisdiction(id).stream())
        .flatMap(j -> j.right(row.type()).map(right -> new Granted(j, right)).stream())
        .toList();
  }

  Aead key(RequestRow row) {
    return context.keyring.requestKey(row.id());
  }

  Contact contact(RequestRow row) {
    return Sealed.openContact(key(row), row.id(), row.contactSealed());
  }

  Instant now() {
    return context.clock.instant();
  }
}
