package dev.steward.fulfilment;

import dev.steward.access.Principal;
import dev.steward.policy.Exemption;
import dev.steward.policy.LegalBasis;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.vault.ExemptionGround;
import dev.steward.vault.KeepUnderExemption;
import dev.steward.vault.KeptRecord;
import dev.steward.vault.RecordValue;
import dev.steward.vault.SubjectNotFoundException;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The vault as a {@link DataSystem}: the first system every request reaches. Reads are made for the
 * purpose {@code readPurpose} (the policy's purpose of answering legal duties). An erasure keeps
 * the categories of records held for a legal-obligation purpose when the policy has a
 * legal-obligation exemption for erasure, plus those staff named, and ends in key destruction.
 */
public final class VaultSystem implements DataSystem {
  private static final Principal ACTOR = new Principal.System("fulfilment");

  private final Vault vault;
  private final PublishedPolicies policies;
  private final Restrictions restrictions;
  private final String readPurpose;
  private final Clock clock;

  public VaultSystem(
      Vault vault,
      PublishedPolicies policies,
      Restrictions restrictions,
      String readPurpose,
      Clock clock) {
    this.vault = vault;
    this.policies = policies;
    this.restrictions = restrictions;
    this.readPurpose = readPurpose;
    this.clock = clock;
  }

  @Override
  public String id() {
    return "vault";
  }

  @Override
  public Set<Operation> capabilities() {
    return EnumSet.of(Operation.ACCESS, Operation.ERASE, Operation.RECTIFY, Operation.RESTRICT);
  }

  @Override
  public SystemResult access(SubjectRef subject) {
    List<DataItem> items =
        vault.readRecords(ACTOR, subject.subjectId(), readPurpose).stream()
            .map(VaultSystem::item)
            .toList();
    return new SystemResult("read", Map.of("items", items.size()), List.of(), List.of(), items);
  }

  @Override
  public SystemResult erase(SubjectRef subject, ErasureScope scope) {
    Map<String, ErasureScope.Keep> keep = new HashMap<>();
    scope.keep().forEach(k -> keep.put(k.category(), k));
    int erased = 0;
    try {
      List<RecordValue> records = vault.readRecords(ACTOR, subject.subjectId(), readPurpose);
      Policy policy = policies.current().policy();
      for (RecordValue record : records) {
        legalObligation(policy, record).ifPresent(k -> keep.putIfAbsent(k.category(), k));
      }
      erased = (int) records.stream().filter(r -> !keep.containsKey(r.category())).count();
    } catch (SubjectNotFoundException alreadyErased) {
      // A retry after the key was destroyed: the kept items below are all that is left.
    }
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
                    clock
                        .instant()
                        .atOffset(ZoneOffset.UTC)
                        .plusYears(list.stream().mapToInt(ErasureScope.Keep::years).max().orElse(6))
                        .toInstant())));
    String reason = scope.collectedFromSubjectOnly() ? "ccpa_deletion" : "erasure_request";
    vault.erase(ACTOR, subject.subjectId(), reason, subject.requestId().toString(), keeps);
    List<KeptItem> kept = new ArrayList<>();
    for (KeptRecord record : vault.readKept(ACTOR, subject.subjectId(), readPurpose)) {
      String category = record.record().category();
      String exemption = keep.containsKey(category) ? keep.get(category).exemptionId() : "";
      kept.add(
          new KeptItem(
              id(), record.record().id().toString(), category, exemption, record.expiresAt()));
    }
    return new SystemResult(
        "erased by key destruction",
        Map.of("erased", erased, "kept", kept.size()),
        List.of(subject.subjectId().toString()),
        kept,
        List.of());
  }

  @Override
  public SystemResult rectify(SubjectRef subject, List<Correction> corrections) {
    Set<String> held =
        Set.copyOf(
            vault.readRecords(ACTOR, subject.subjectId(), readPurpose).stream()
                .map(r -> r.id().toString())
                .toList());
    List<String> done = new ArrayList<>();
    for (Correction correction : corrections) {
      if (held.contains(correction.itemId())) {
        vault.rectify(
            ACTOR,
            subject.subjectId(),
            java.util.UUID.fromString(correction.itemId()),
            correction.value(),
            "rectification request " + subject.requestId());
        done.add(correction.itemId());
      }
    }
    return SystemResult.done("rectified", Map.of("rectified", done.size()), done);
  }

  @Override
  public SystemResult restrict(SubjectRef subject, boolean restricted) {
    restrictions.set(subject.subjectId(), subject.requestId(), restricted);
    return SystemResult.done(
        restricted ? "restricted" : "restriction lifted",
        Map.of("subjects", 1),
        List.of(subject.subjectId().toString()));
  }

  /** The keep for a record held for a legal-obligation purpose, if the policy exempts it. */
  private static java.util.Optional<ErasureScope.Keep> legalObligation(
      Policy policy, RecordValue record) {
    boolean obliged =
        record.provenance().purposes().stream()
            .flatMap(p -> policy.purpose(p).stream())
            .anyMatch(p -> p.legalBases().contains(LegalBasis.LEGAL_OBLIGATION));
    return policy.exemptions().stream()
        .filter(e -> obliged && e.ground() == Exemption.Ground.LEGAL_OBLIGATION)
        .filter(e -> e.rights().contains(dev.steward.policy.RequestType.ERASURE))
        .findFirst()
        .map(e -> new ErasureScope.Keep(record.category(), e.id(), "legal_obligation", 6));
  }

  private static ExemptionGround ground(String ground) {
    return ExemptionGround.valueOf(ground.toUpperCase(Locale.ROOT));
  }

  private static DataItem item(RecordValue record) {
    return new DataItem(
        "vault",
        record.id().toString(),
        record.category(),
        record.provenance().source(),
        record.provenance().purposes(),
        record.provenance().legalBasis(),
        record.provenance().collectedAt(),
        record.value());
  }
}
