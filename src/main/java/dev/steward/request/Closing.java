package dev.steward.request;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.policy.Exemption;
import dev.steward.principal.Principal;
import dev.steward.request.Letters.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Ending a request: completed with evidence, denied with a reason (and the exemption relied on), or
 * withdrawn. Completion and denial letters name the complaint authorities of the policy.
 */
final class Closing {
  /** Why a request may be denied; {@code exemption} needs the policy exemption relied on. */
  static final Set<String> REASONS =
      Set.of("unverifiable", "exemption", "manifestly_unfounded", "excessive", "no_data", "other");

  private final RequestContext context;
  private final Workflow workflow;
  private final Correspondence letters;

  Closing(RequestContext context, Workflow workflow, Correspondence letters) {
    this.context = context;
    this.workflow = workflow;
    this.letters = letters;
  }

  RequestRow deny(
      Handle handle,
      RequestRow row,
      Principal actor,
      String reason,
      String exemptionId,
      String note) {
    Exemption exemption = checkReason(row, reason, exemptionId, note);
    RequestRow denied =
        workflow.move(handle, row, RequestState.DENIED, actor, "denied", reason, note);
    denied =
        denied.change(
            edit -> {
              edit.outcome = reason;
              edit.exemptionId = exemptionId;
            });
    RequestRows.update(handle, denied);
    letters.send(handle, denied, Kind.DENIAL, denialValues(row, reason, exemption, note));
    return denied;
  }

  private Map<String, String> denialValues(
      RequestRow row, String reason, Exemption exemption, String note) {
    Language language = row.language();
    String reasonText = letters.name(language, "reason." + reason);
    if (exemption != null) {
      String ground = exemption.ground().name().toLowerCase(Locale.ROOT);
      reasonText += ": " + letters.name(language, "exemption." + ground);
    }
    return Map.of("reason", reasonText, "note", note == null ? "" : note);
  }

  /** The denial letter {@link #deny} would send, checked as it checks; nothing is stored. */
  java.util.Optional<dev.steward.mail.OutgoingMail> previewDenial(
      Handle handle, RequestRow row, String reason, String exemptionId, String note) {
    Exemption exemption = checkReason(row, reason, exemptionId, note);
    return letters.compose(handle, row, Kind.DENIAL, denialValues(row, reason, exemption, note));
  }

  /** The completion letter staff would send by completing the request now; nothing is stored. */
  java.util.Optional<dev.steward.mail.OutgoingMail> previewCompletion(
      Handle handle, RequestRow row, String message) {
    return letters.compose(
        handle,
        row,
        Kind.COMPLETION,
        Map.of("note", message == null ? "" : message, "replacement", ""));
  }

  RequestRow complete(
      Handle handle,
      RequestRow row,
      Principal actor,
      String evidence,
      String message,
      boolean askReplacementContact) {
    if (evidence == null || evidence.isBlank()) {
      throw new InvalidInputException(
          "completing a request needs the evidence of what was done",
          List.of(new FieldProblem("evidence", "required")));
    }
    RequestRow done =
        workflow.move(handle, row, RequestState.COMPLETED, actor, "completed", null, evidence);
    done = done.change(edit -> edit.outcome = "completed");
    RequestRows.update(handle, done);
    String replacement =
        askReplacementContact ? letters.name(row.language(), "completion.replacement_contact") : "";
    letters.send(
        handle,
        done,
        Kind.COMPLETION,
        Map.of("note", message == null ? "" : message, "replacement", replacement));
    return done;
  }

  RequestRow withdraw(Handle handle, RequestRow row, Principal actor, String note) {
    RequestRow withdrawn =
        workflow.move(handle, row, RequestState.WITHDRAWN, actor, "withdrawn", null, note);
    withdrawn = withdrawn.change(edit -> edit.outcome = "withdrawn");
    RequestRows.update(handle, withdrawn);
    return withdrawn;
  }

  private Exemption checkReason(RequestRow row, String reason, String exemptionId, String note) {
    if (!REASONS.contains(reason)) {
      throw new InvalidInputException(
          "reason must be one of " + REASONS,
          List.of(new FieldProblem("reason", "not a reason for denial")));
    }
    if ("other".equals(reason) && (note == null || note.isBlank())) {
      throw new InvalidInputException(
          "a denial for another reason needs a note saying which",
          List.of(new FieldProblem("note", "required with reason 'other'")));
    }
    if (!"exemption".equals(reason)) {
      if (exemptionId != null) {
        throw new InvalidInputException(
            "an exemption is named only with reason 'exemption'",
            List.of(new FieldProblem("exemption", "only with reason 'exemption'")));
      }
      return null;
    }
    return context.policies.current().policy().exemptions().stream()
        .filter(e -> e.id().equals(exemptionId))
        .filter(e -> e.rights().contains(row.type()))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "exemption '"
                        + exemptionId
                        + "' of the policy does not limit '"
                        + TypeNames.id(row.type())
                        + "' requests",
                    List.of(new FieldProblem("exemption", "not an exemption for this type"))));
  }
}
