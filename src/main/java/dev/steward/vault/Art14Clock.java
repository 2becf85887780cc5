package dev.steward.vault;

import dev.steward.vault.VaultVocabulary.Term;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Starts the GDPR Art. 14(3) clock for records from an indirect source, inside the transaction that
 * stores them: one notice per subject and source, counted from the earliest collection time in the
 * batch. A subject who already has a notice for that source (open or given) gets no second one:
 * they have the information already (Art. 14(5)(a)). One query and one batch insert per batch.
 */
final class Art14Clock {
  private Art14Clock() {}

  static void start(VaultContext vault, Handle handle, List<NewRecord> batch) {
    Map<Key, Instant> obtained = new LinkedHashMap<>();
    for (NewRecord record : batch) {
      String source = record.provenance().source();
      if (vault.vocabulary().knows(Term.INDIRECT_SOURCE, source)) {
        obtained.merge(
            new Key(record.subjectId(), source),
            record.provenance().collectedAt(),
            (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    if (obtained.isEmpty()) {
      return;
    }
    Set<Key> existing = new HashSet<>();
    handle
        .createQuery("select subject_id, source from art14_notice where subject_id in (<ids>)")
        .bindList("ids", obtained.keySet().stream().map(Key::subjectId).distinct().toList())
        .map((rs, ctx) -> new Key(rs.getObject(1, UUID.class), rs.getString(2)))
        .forEach(existing::add);
    var insert =
        handle.prepareBatch(
            "insert into art14_notice (id, subject_id, source, obtained_at, due_at, due_date,"
                + " rule, created_at) values (:id, :subject, :source, :obtained, :dueAt, :dueDate,"
                + " :rule, :now)");
    Instant now = vault.clock().instant();
    obtained.forEach(
        (key, at) -> {
          if (!existing.contains(key)) {
            NoticeDeadlines.Due due = vault.deadlines().due(at);
            insert
                .bind("id", UUID.randomUUID())
                .bind("subject", key.subjectId())
                .bind("source", key.source())
                .bind("obtained", at)
                .bind("dueAt", due.dueAt())
                .bind("dueDate", due.dueDate())
                .bind("rule", due.rule())
                .bind("now", now)
                .add();
          }
        });
    if (insert.size() > 0) {
      insert.execute();
    }
  }

  private record Key(UUID subjectId, String source) {}
}
