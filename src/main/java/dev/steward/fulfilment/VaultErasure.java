package dev.steward.fulfilment;

import dev.steward.policy.Exemption;
import dev.steward.policy.LegalBasis;
import dev.steward.policy.Policy;
import dev.steward.policy.RequestType;
import dev.steward.principal.Principal;
import dev.steward.vault.ExemptionGround;
import dev.steward.vault.KeepUnderExemption;
import dev.steward.vault.KeptRecord;
import dev.steward.vault.RecordValue;
import dev.steward.vault.SubjectNotFoundException;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The vault's part of an erasure. GDPR erasure takes the whole person by key destruction, keeping
 * what an exemption keeps. A CCPA deletion reaches only what was collected from the consumer (Cal.
 * Civ. Code §1798.105(a)): when the vault also holds records from indirect sources, {@link
 * CcpaDeletion} deletes only the consumer's own; when everything came from the consumer it is
 * erased like a GDPR request.
 */
final class VaultErasure {
  private static final Principal ACTOR = new Principal.System("fulfilment");
  private static final String SYSTEM = "vault";

  private final Vault vault;
  private final Policy policy;
  private final String readPurpose;
  private final Clock clock;

  VaultErasure(Vault vault, Policy policy, String readPurpose, Clock clock) {
    this.vault = vault;
    this.policy = policy;
    this.readPurpose = readPurpose;
    this.clock = clock;
  }

  SystemResult erase(SubjectRef subject, ErasureScope scope) {
    Map<String, ErasureScope.Keep> keep = new HashMap<>();
    scope.keep().forEach(k -> keep.put(k.category(), k));
    List<RecordValue> records;
    try {
      records = vault.readRecords(ACTOR, subject.subjectId(), readPurpose);
    } catch (SubjectNotFoundException alreadyErased) {
      // A retry after the key was destroyed: the kept items are all that is left.
      return whole(subject, scope, 0, keep);
    }
    records.forEach(r -> legalObligation(r).ifPresent(k -> keep.putIfAbsent(k.category(), k)));
    CcpaDeletion ccpa = new CcpaDeletion(vault, policy, clock);
    List<RecordValue> outside =
        scope.collectedFromSubjectOnly() ? ccpa.notFromConsumer(records) : List.of();
    if (!outside.isEmpty()) {
      return ccpa.delete(subject, records, outside, keep);
    }
    int erased = (int) records.stream().filter(r -> !keep.containsKey(r.category())).count();
    return whole(subject, scope, erased, keep);
  }

  private SystemResult whole(
      SubjectRef subject, ErasureScope scope, int erased, Map<String, ErasureScope.Keep> keep) {
    Map<ExemptionGround, List<ErasureScope.Keep>> byGround = new HashMap<>();
    keep.values()
        .forEach(k -> byGround.computeIfAbsent(ground(k.ground()), g -> new ArrayList<>()).add(k));
    List<KeepUnderExemption> keeps = new ArrayList<>();
    byGround.forEach(
        (ground, list) ->
            keeps.add(
                new KeepUnderExemption(
                    ground,
                    Set.copyOf(list.stream().map(ErasureScope.Keep::category).toList()),
                    until(list.stream().mapToInt(ErasureScope.Keep::years).max().orElse(6)))));
    String reason = scope.collectedFromSubjectOnly() ? "ccpa_deletion" : "erasure_request";
    vault.erase(ACTOR, subject.subjectId(), reason, subject.requestId().toString(), keeps);
    List<KeptItem> kept = new ArrayList<>();
    for (KeptRecord record : vault.readKept(ACTOR, subject.subjectId(), readPurpose)) {
      String category = record.record().category();
      String exemption = keep.containsKey(category) ? keep.get(category).exemptionId() : "";
      kept.add(
          new KeptItem(
              SYSTEM, record.record().id().toString(), category, exemption, record.expiresAt()));
    }
    return new SystemResult(
        "erased by key destruction",
        Map.of("erased", erased, "kept", kept.size()),
        List.of(subject.subjectId().toString()),
        kept,
        List.of());
  }

  /** The keep for a record held for a legal-obligation purpose, if the policy exempts it. */
  private Optional<ErasureScope.Keep> legalObligation(RecordValue record) {
    boolean obliged =
        record.provenance().purposes().stream()
            .flatMap(p -> policy.purpose(p).stream())
            .anyMatch(p -> p.legalBases().contains(LegalBasis.LEGAL_OBLIGATION));
    return policy.exemptions().stream()
        .filter(e -> obliged && e.ground() == Exemption.Ground.LEGAL_OBLIGATION)
        .filter(e -> e.rights().contains(RequestType.ERASURE))
        .findFirst()
        .map(e -> new ErasureScope.Keep(record.category(), e.id(), "legal_obligation", 6));
  }

  private Instant until(int years) {
    return until(clock, years);
  }

  static Instant until(Clock clock, int years) {
    return clock.instant().atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
  }

  private static ExemptionGround ground(String ground) {
    return ExemptionGround.valueOf(ground.toUpperCase(Locale.ROOT));
  }
}
