package dev.steward.vault;

import dev.steward.vault.VaultVocabulary.Term;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Starts the GDPR Art. 14(3) clock for data from an indirect source, inside the transaction that
 * stores it: one notice per subject and source, counted from the earliest collection time in the
 * batch. A subject who already has a notice for that source (open or given) gets no second one:
 * they have the information already (Art. 14(5)(a)). Used by {@code addRecords} and by bulk import;
 * one query per thousand subjects that existed before the batch, and one bulk insert. Not
 * thread-safe; one per batch.
 */
final class Art14Clock {
  private static final int IN_CHUNK = 1000;

  /** Where the notices a batch owes are written: a JDBC batch, or a bulk import's COPY. */
  @FunctionalInterface
  interface NoticeRows {
    void notice(UUID subjectId, String source, Instant obtainedAt, NoticeDeadlines.Due due);
  }

  private final VaultContext vault;
  private final Map<String, Boolean> indirect = new HashMap<>();
  private final Map<Key, Instant> obtained = new LinkedHashMap<>();

  Art14Clock(VaultContext vault) {
    this.vault = vault;
  }

  /** Starts the clock for a batch of records stored by {@code addRecords}. */
  static void start(VaultContext vault, Handle handle, List<NewRecord> batch) {
    Art14Clock clock = new Art14Clock(vault);
    batch.forEach(record -> clock.obtained(record.subjectId(), record.provenance()));
    if (clock.isEmpty()) {
      return;
    }
    var insert =
        handle.prepareBatch(
            "insert into art14_notice (id, subject_id, source, obtained_at, due_at, due_date,"
                + " rule, created_at) values (:id, :subject, :source, :obtained, :dueAt, :dueDate,"
                + " :rule, :now)");
    Instant now = vault.clock().instant();
    clock.start(
        handle,
        Set.of(),
        (subject, source, at, due) ->
            insert
                .bind("id", UUID.randomUUID())
                .bind("subject", subject)
                .bind("source", source)
                .bind("obtained", at)
                .bind("dueAt", due.dueAt())
                .bind("dueDate", due.dueDate())
                .bind("rule", due.rule())
                .bind("now", now)
                .add());
    if (insert.size() > 0) {
      insert.execute();
    }
  }

  /** Notes that data of this provenance about the subject is being stored. */
  void obtained(UUID subjectId, Provenance provenance) {
    String source = provenance.source();
    if (indirect.computeIfAbsent(
        source, id -> vault.vocabulary().knows(Term.INDIRECT_SOURCE, id))) {
      obtained.merge(
          new Key(subjectId, source), provenance.collectedAt(), (a, b) -> a.isBefore(b) ? a : b);
    }
  }

  boolean isEmpty() {
    return obtained.isEmpty();
  }

  /**
   * Writes the notices owed to {@code rows}, skipping subjects that already have one for the
   * source. {@code fresh} are subjects created in this transaction, which cannot have one yet, so a
   * bulk load of new people costs no look-up. Returns how many notices were written.
   */
  int start(Handle handle, Set<UUID> fresh, NoticeRows rows) {
    if (obtained.isEmpty()) {
      return 0;
    }
    Set<Key> existing = existing(handle, fresh);
    Map<Instant, NoticeDeadlines.Due> dues = new HashMap<>();
    int written = 0;
    for (Map.Entry<Key, Instant> entry : obtained.entrySet()) {
      Key key = entry.getKey();
      if (!existing.contains(key)) {
        // Rows of an import often share one collection time; the calendars need not run again.
        NoticeDeadlines.Due due =
            dues.computeIfAbsent(entry.getValue(), at -> vault.deadlines().due(at));
        rows.notice(key.subjectId(), key.source(), entry.getValue(), due);
        written++;
      }
    }
    return written;
  }

  private Set<Key> existing(Handle handle, Set<UUID> fresh) {
    Set<UUID> known = new HashSet<>();
    obtained.keySet().forEach(key -> known.add(key.subjectId()));
    known.removeAll(fresh);
    Set<Key> existing = new HashSet<>();
    List<UUID> all = new ArrayList<>(known);
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      handle
          .createQuery("select subject_id, source from art14_notice where subject_id in (<ids>)")
          .bindList("ids", all.subList(from, Math.min(all.size(), from + IN_CHUNK)))
          .map((rs, ctx) -> new Key(rs.getObject(1, UUID.class), rs.getString(2)))
          .forEach(existing::add);
    }
    return existing;
  }

  private record Key(UUID subjectId, String source) {}
}
