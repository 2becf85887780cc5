package dev.steward.fulfilment;

import dev.steward.policy.PublishedPolicies;
import dev.steward.principal.Principal;
import dev.steward.vault.RecordValue;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vault as a {@link DataSystem}: the first system every request reaches. Reads are made for the
 * purpose {@code readPurpose} (the policy's purpose of answering legal duties). An erasure keeps
 * the categories of records held for a legal-obligation purpose when the policy has a
 * legal-obligation exemption for erasure, plus those staff named, and ends in key destruction; a
 * CCPA deletion is narrower ({@link VaultErasure}).
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
    return new VaultErasure(vault, policies.current().policy(), readPurpose, clock)
        .erase(subject, scope);
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
