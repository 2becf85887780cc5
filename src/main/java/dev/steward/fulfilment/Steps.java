package dev.steward.fulfilment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Steward's own steps of a request, beside the systems': objections and withdrawals of consent
 * written for the consent ledger, and the content purge of a business customer's request.
 */
final class Steps {
  private final Objections objections;
  private final InstructionRows instructions;
  private final ContentPurge purge;

  Steps(Objections objections, InstructionRows instructions, ContentPurge purge) {
    this.objections = objections;
    this.instructions = instructions;
    this.purge = purge;
  }

  Instructions instructions(UUID requestId) {
    return instructions.get(requestId);
  }

  SystemResult run(String operation, Plan plan) {
    Instructions given = instructions(plan.requestId());
    return switch (operation) {
      case Task.OBJECT -> {
        objections.record(plan.subjectId(), plan.requestId(), "objection", given.purposes());
        yield SystemResult.done(
            "objection recorded", Map.of("purposes", given.purposes().size()), List.of());
      }
      case Task.WITHDRAW_CONSENT -> {
        int ended =
            objections.record(
                plan.subjectId(), plan.requestId(), "consent_withdrawal", given.purposes());
        yield SystemResult.done(
            "consent withdrawn",
            Map.of("consentRecords", ended, "purposes", given.purposes().size()),
            List.of());
      }
      case Task.PURGE_CONTENT -> purge.purge(plan.requestId(), given.contentUrls());
      default -> throw new IllegalStateException("unknown step " + operation);
    };
  }
}
