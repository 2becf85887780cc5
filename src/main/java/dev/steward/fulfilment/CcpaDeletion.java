package dev.steward.fulfilment;

import dev.steward.policy.Policy;
import dev.steward.policy.Source;
import dev.steward.principal.Principal;
import dev.steward.vault.RecordValue;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A CCPA deletion where the vault also holds what others told us about the consumer: Cal. Civ. Code
 * §1798.105(a) reaches the personal information collected from the consumer, so records whose
 * source the policy marks indirect stay with the subject and are listed as out of scope with the
 * reason, the consumer's own records are deleted one by one (the subject and its key remain), and
 * those an exemption keeps are listed as kept.
 */
final class CcpaDeletion {
  private static final Principal ACTOR = new Principal.System("fulfilment");
  private static final String SYSTEM = "vault";

  private final Vault vault;
  private final Policy policy;
  private final Clock clock;

  CcpaDeletion(Vault vault, Policy policy, Clock clock) {
    this.vault = vault;
    this.policy = policy;
    this.clock = clock;
  }

  /** The records that were not collected from the consumer. */
  List<RecordValue> notFromConsumer(List<RecordValue> records) {
    return records.stream().filter(r -> !collectedFromSubject(r)).toList();
  }

  /** CCPA: deletes the consumer's own records, leaving the subject and the indirect ones. */
  SystemResult delete(
      SubjectRef subject,
      List<RecordValue> records,
      List<RecordValue> outside,
      Map<String, ErasureScope.Keep> keep) {
    Set<UUID> outsideIds = new HashSet<>(outside.stream().map(RecordValue::id).toList());
    List<KeptItem> kept = new ArrayList<>();
    Set<UUID> delete = new HashSet<>();
    for (RecordValue record : records) {
      if (outsideIds.contains(record.id())) {
        continue;
      }
      ErasureScope.Keep k = keep.get(record.category());
      if (k == null) {
        delete.add(record.id());
      } else {
        kept.add(
            new KeptItem(
                SYSTEM,
                record.id().toString(),
                record.category(),
                k.exemptionId(),
                VaultErasure.until(clock, k.years())));
      }
    }
    int deleted =
        vault.deleteRecords(
            ACTOR, subject.subjectId(), delete, "ccpa_deletion", subject.requestId().toString());
    List<OutOfScopeItem> outOfScope =
        outside.stream()
            .map(
                r ->
                    new OutOfScopeItem(
                        SYSTEM,
                        r.id().toString(),
                        r.category(),
                        r.provenance().source(),
                        OutOfScopeItem.NOT_FROM_CONSUMER))
            .toList();
    return new SystemResult(
        "deleted what was collected from the consumer",
        Map.of("erased", deleted, "kept", kept.size(), "outOfScope", outOfScope.size()),
        List.of(subject.subjectId().toString()),
        kept,
        List.of(),
        outOfScope);
  }

  /**
   * Whether the record's source is one the policy marks direct. A source the policy no longer names
   * counts as direct: nothing shows the data came from someone else, so the request wins.
   */
  private boolean collectedFromSubject(RecordValue record) {
    return policy.sources().stream()
        .filter(s -> s.id().equals(record.provenance().source()))
        .findFirst()
        .map(s -> s.kind() == Source.Kind.DIRECT)
        .orElse(true);
  }
}
