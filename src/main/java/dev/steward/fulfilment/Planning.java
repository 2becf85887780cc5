package dev.steward.fulfilment;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.steward.policy.RequestType;
import dev.steward.principal.Principal;
import dev.steward.request.FulfilmentPlanner;
import dev.steward.store.Database;
import dev.steward.store.TaskScheduling;
import dev.steward.vault.IdentityProof;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Plans a started request: one task per system that supports the request's operation, written and
 * scheduled in the workflow's own transaction so the start and its tasks commit together. Types
 * fulfilment does not carry out (information requests, opt-outs handled at intake ...) and requests
 * with no vault subject stay with staff.
 */
final class Planning implements FulfilmentPlanner {
  static final String TASK_NAME = "fulfilment-task";
  static final String FINISH_NAME = "fulfilment-finish";
  static final String VAULT = "vault";
  static final String IDENTITIES = "identities";

  private static final Principal PLANNER = new Principal.System("fulfilment");

  private final Vault vault;
  private final List<DataSystem> systems;
  private final Recipients recipients;
  private final Sealing sealing;
  private final Clock clock;
  private final TaskScheduling tasks;

  Planning(
      Database database,
      Vault vault,
      List<DataSystem> systems,
      Recipients recipients,
      Sealing sealing,
      Clock clock) {
    this.vault = vault;
    this.systems = List.copyOf(systems);
    this.recipients = recipients;
    this.sealing = sealing;
    this.clock = clock;
    // Written the way the node's scheduler (alwaysPersistTimestampInUTC) reads them back.
    this.tasks = database.tasks();
  }

  @Override
  public Plan plan(Handle handle, StartedRequest request) {
    Optional<UUID> subject = request.subjectId().or(() -> subjectOf(handle, request.id()));
    List<String[]> steps =
        steps(request.type(), subject.isPresent(), !request.identities().isEmpty());
    if (steps.isEmpty()) {
      return Plan.MANUAL;
    }
    Instant now = clock.instant();
    TaskRows.insertPlan(
        handle,
        new dev.steward.fulfilment.Plan(
            request.id(),
            request.type(),
            subject.orElse(null),
            subject.map(id -> subjectType(handle, id)).orElse(null),
            request.language(),
            request.jurisdictions()),
        now);
    if (!request.identities().isEmpty()) {
      List<SubjectRef.Identity> identities =
          request.identities().stream()
              .map(i -> new SubjectRef.Identity(i.type(), i.value()))
              .toList();
      TaskRows.storeIdentities(
          handle, request.id(), sealing.sealJson(request.id(), IDENTITIES, identities));
    }
    // GDPR Art. 19: whom to tell is read now, before any step can erase the subject it hangs on.
    List<String> told =
        subject.isPresent() && Recipients.changesData(steps.get(0)[1])
            ? recipients.read(subject.get()).orElse(List.of())
            : List.of();
    boolean vaultWaits = steps.size() > 1 && steps.get(0)[1].equals(Operation.ERASE.id());
    for (String[] step : steps) {
      Task task = new Task(UUID.randomUUID(), request.id(), step[0], step[1], Task.PENDING, 0);
      String evidence = Recipients.changesData(step[1]) ? Recipients.evidence(told) : null;
      TaskRows.insert(handle, task, evidence, now);
      if (!(vaultWaits && step[0].equals(VAULT))) {
        schedule(handle, TASK_NAME, task.id(), now);
      }
    }
    return Plan.AWAITING_SYSTEMS;
  }

  /**
   * The vault's erasure runs after every other system's, because those find the subject's rows
   * through the identities the vault holds, and key destruction takes them away. Scheduled when the
   * vault's task is the only one of the request still pending.
   */
  void releaseVaultErasure(Handle handle, UUID requestId, Instant now) {
    List<Task> pending =
        TaskRows.ofRequest(handle, requestId).stream()
            .filter(t -> t.status().equals(Task.PENDING))
            .toList();
    if (pending.size() == 1
        && pending.get(0).systemId().equals(VAULT)
        && pending.get(0).operation().equals(Operation.ERASE.id())) {
      schedule(handle, TASK_NAME, pending.get(0).id(), now);
    }
  }

  /**
   * Pairs of (system id, operation) for a request type; empty when staff carry it out. A person the
   * vault does not know is still reached in the other systems through the request's identities
   * ({@code hasIdentities}).
   */
  List<String[]> steps(RequestType type, boolean hasSubject, boolean hasIdentities) {
    if (type == RequestType.CONTENT_REMOVAL) {
      List<String[]> purge = new ArrayList<>();
      purge.add(new String[] {Task.STEWARD, Task.PURGE_CONTENT});
      return purge;
    }
    // 11 CCR 7026, 7027: an opt-out takes effect whether or not the vault knows the person; one
    // it does not know is kept by the keyed hashes of the identities given.
    if (type == RequestType.OPT_OUT_SALE_SHARING) {
      return List.<String[]>of(new String[] {Task.STEWARD, Task.OPT_OUT_SALE_SHARING});
    }
    if (type == RequestType.LIMIT_SENSITIVE) {
      return List.<String[]>of(new String[] {Task.STEWARD, Task.LIMIT_SENSITIVE});
    }
    if (!hasSubject) {
      if (!hasIdentities) {
        return List.of();
      }
      List<String[]> outside =
          switch (type) {
            case ACCESS, KNOW, KNOW_SPECIFIC, PORTABILITY -> onSystems(Operation.ACCESS, false);
            case ERASURE, DELETE, PARENTAL_DELETION -> onSystems(Operation.ERASE, false);
            case RECTIFICATION, CORRECT -> onSystems(Operation.RECTIFY, false);
            case RESTRICTION -> onSystems(Operation.RESTRICT, false);
            default -> List.of();
          };
      return outside;
    }
    return switch (type) {
      case ACCESS, KNOW, KNOW_SPECIFIC, PORTABILITY -> onSystems(Operation.ACCESS, true);
      case ERASURE, DELETE, PARENTAL_DELETION -> onSystems(Operation.ERASE, true);
      case RECTIFICATION, CORRECT -> onSystems(Operation.RECTIFY, true);
      case RESTRICTION -> onSystems(Operation.RESTRICT, true);
      case OBJECTION -> List.<String[]>of(new String[] {Task.STEWARD, Task.OBJECT});
      case WITHDRAW_CONSENT ->
          List.<String[]>of(new String[] {Task.STEWARD, Task.WITHDRAW_CONSENT});
      default -> List.of();
    };
  }

  /**
   * The vault subject behind the request (docs/vault.md, "Linking"). A verified request reaches
   * only through the identities its verification proved: a code sent to address A proves A, not the
   * phone number given beside it, and never a name. The proof links to that subject what unproven
   * submissions filed under A. A request the law lets a person make unverified (an opt-out, an
   * objection to marketing) reaches through what it gives, without linking anything. None when the
   * identities lead to no subject or to more than one: staff decide.
   */
  private Optional<UUID> subjectOf(Handle handle, UUID requestId) {
    List<RequestIdentity> identities =
        handle
            .createQuery("select identity_hash, proof from request_identity where request_id = :id")
            .bind("id", requestId)
            .map((rs, ctx) -> new RequestIdentity(rs.getString(1), rs.getString(2)))
            .list();
    List<String> proven =
        identities.stream().filter(i -> i.proof() != null).map(RequestIdentity::hash).toList();
    if (proven.isEmpty()) {
      return verifiedBySteps(handle, requestId)
          ? Optional.empty()
          : vault.subjectReachedBy(handle, identities.stream().map(RequestIdentity::hash).toList());
    }
    IdentityProof proof =
        identities.stream().anyMatch(i -> "staff".equals(i.proof()))
            ? IdentityProof.STAFF
            : IdentityProof.VERIFIED;
    return vault.subjectProvenBy(handle, PLANNER, proven, proof, "request:" + requestId);
  }

  /** A request's identity: its keyed hash, and how verification proved it (null: it did not). */
  private record RequestIdentity(String hash, String proof) {}

  /** True when the request needed verification steps: then only what they proved may reach. */
  private static boolean verifiedBySteps(Handle handle, UUID requestId) {
    String needed =
        handle
            .createQuery("select verification_needed from rights_request where id = :id")
            .bind("id", requestId)
            .mapTo(String.class)
            .findOne()
            .orElse(null);
    return needed != null && !needed.isBlank();
  }

  /** The vault subject's type; read here because an erasure takes the subject away. */
  private static String subjectType(Handle handle, UUID subjectId) {
    return handle
        .createQuery("select subject_type from vault_subject where id = :id")
        .bind("id", subjectId)
        .mapTo(String.class)
        .findOne()
        .orElse(null);
  }

  private List<String[]> onSystems(Operation operation, boolean withVault) {
    return systems.stream()
        .filter(system -> system.supports(operation))
        .filter(system -> withVault || !system.id().equals(VAULT))
        .map(system -> new String[] {system.id(), operation.id()})
        .toList();
  }

  void schedule(Handle handle, String taskName, UUID id, Instant at) {
    tasks.scheduleIfNotExists(handle, new TaskInstance<Void>(taskName, id.toString()), at, clock);
  }
}
