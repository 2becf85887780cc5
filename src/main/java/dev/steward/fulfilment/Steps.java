package dev.steward.fulfilment;

import dev.steward.consent.OptOutKind;
import dev.steward.consent.OptOuts;
import dev.steward.consent.Party;
import dev.steward.principal.Principal;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Steward's own steps of a request, beside the systems': objections and withdrawals of consent
 * written for the consent ledger, and the content purge of a business customer's request.
 */
final class Steps {
  private static final Principal FULFILMENT = new Principal.System("fulfilment");

  private final Objections objections;
  private final InstructionRows instructions;
  private final ContentPurge purge;
  private final OptOuts optOuts;
  private final Jdbi jdbi;

  Steps(
      Objections objections,
      InstructionRows instructions,
      ContentPurge purge,
      OptOuts optOuts,
      Jdbi jdbi) {
    this.objections = objections;
    this.instructions = instructions;
    this.purge = purge;
    this.optOuts = optOuts;
    this.jdbi = jdbi;
  }

  /**
   * Records the opt-out for the vault subject the request reached, if any, and for the email and
   * phone it gave, by their keyed hashes, so a person Steward meets later is opted out too. The
   * evidence is counts only; the events name the request.
   */
  private SystemResult optOut(Plan plan, OptOutKind kind) {
    Set<Party> parties = new LinkedHashSet<>();
    jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "select identity_hash from request_identity where request_id = :id"
                            + " and identity_type in ('email', 'phone')")
                    .bind("id", plan.requestId())
                    .mapTo(String.class)
                    .list())
        .forEach(hash -> parties.add(Party.identity(hash)));
    if (plan.subjectId() != null) {
      parties.add(Party.subject(plan.subjectId()));
    }
    int recorded =
        optOuts.optOut(
            FULFILMENT,
            parties,
            EnumSet.of(kind),
            OptOuts.Source.REQUEST,
            "request:" + plan.requestId());
    return SystemResult.done(
        kind.code() + " recorded",
        Map.of(
            "parties",
            parties.size(),
            "recorded",
            recorded,
            "subject",
            plan.subjectId() == null ? 0 : 1),
        List.of());
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
      case Task.OPT_OUT_SALE_SHARING -> optOut(plan, OptOutKind.SALE_SHARING);
      case Task.LIMIT_SENSITIVE -> optOut(plan, OptOutKind.SENSITIVE_USE);
      default -> throw new IllegalStateException("unknown step " + operation);
    };
  }
}
