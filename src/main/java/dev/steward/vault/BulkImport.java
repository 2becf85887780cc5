package dev.steward.vault;

import com.google.crypto.tink.Aead;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.store.UniqueViolation;
import dev.steward.vault.VaultVocabulary.Term;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Bulk creation of subjects for imports, the vault's hot path, in two phases.
 *
 * <p>{@link #prepare} is pure computation and may run on another thread while the previous batch is
 * written: it hashes each row's identities, makes and wraps a key and encrypts the values as if the
 * row were a new subject. {@link #commit} then decides, in one transaction of the data store, what
 * each row is: a new subject (the prepared work is used as is), an addition to the subject that
 * already has one of its identities that identify one person (values re-encrypted under that
 * subject's key; rare in bulk loads; a shared name or address never joins), or a rejection. The
 * operator vouches for what an import loads: its identities are held with {@link
 * IdentityProof#STAFF}. The new subjects' keys go to the keyring first, in one transaction of their
 * own; if the store transaction then fails, they are destroyed again. Rows from an indirect source
 * start the GDPR Art. 14 clock in the same transaction ({@link Art14Clock}). A batch costs one
 * identity look-up, three or four bulk inserts (COPY on PostgreSQL) and one audit entry.
 */
final class BulkImport {
  private static final int IN_CHUNK = 1000;

  private final VaultContext vault;

  BulkImport(VaultContext vault) {
    this.vault = vault;
  }

  /**
   * A row with its computation done. {@code hashes} maps each distinct identity hash to the
   * position of its identity in the row; {@code rejected} is set when the row cannot be imported.
   */
  record Prepared(
      ImportRow row,
      Map<String, Integer> hashes,
      Keyring.PreparedKey key,
      UUID[] recordIds,
      byte[][] sealed,
      ImportOutcome.Rejected rejected) {}

  PreparedImport prepare(List<ImportRow> rows) {
    List<Prepared> prepared = new ArrayList<>(rows.size());
    for (ImportRow row : rows) {
      prepared.add(prepare(row));
    }
    return new PreparedImport(prepared);
  }

  private Prepared prepare(ImportRow row) {
    LocalDate start = row.relationshipStart();
    if (start != null && row.relationshipEnd() != null && row.relationshipEnd().isBefore(start)) {
      return rejected(row, "relationship-end-before-start", -1);
    }
    Map<String, Integer> hashes = new LinkedHashMap<>();
    for (int i = 0; i < row.identities().size(); i++) {
      Identity identity = row.identities().get(i);
      try {
        hashes.putIfAbsent(vault.index().hash(identity), i);
      } catch (InvalidIdentityException e) {
        return rejected(row, "invalid-" + identity.type().id(), i);
      }
    }
    if (hashes.isEmpty()) {
      return rejected(row, "no-identity", -1);
    }
    Keyring.PreparedKey key = vault.keyring().prepareSubjectKey(UUID.randomUUID());
    int count = row.values().size();
    UUID[] recordIds = new UUID[count];
    byte[][] sealed = new byte[count][];
    for (int i = 0; i < count; i++) {
      recordIds[i] = UUID.randomUUID();
      sealed[i] =
          RecordCipher.encrypt(
              key.aead(), recordIds[i], key.subjectId(), row.values().get(i).value());
    }
    return new Prepared(row, hashes, key, recordIds, sealed, null);
  }

  private static Prepared rejected(ImportRow row, String reason, int identityIndex) {
    return new Prepared(
        row, Map.of(), null, null, null, new ImportOutcome.Rejected(reason, identityIndex));
  }

  List<ImportOutcome> commit(
      Principal actor, PreparedImport batch, ReturningPerson returning, ImportHook hook) {
    Checks.permit(vault, actor, Permission.SUBJECT_WRITE, "subject.import", "-");
    checkVocabulary(batch.rows);
    List<UUID> storedKeys = new ArrayList<>();
    try {
      return vault
          .store()
          .inTransaction(handle -> write(handle, actor, batch.rows, returning, hook, storedKeys));
    } catch (RuntimeException e) {
      // The keys were committed in the keyring first; without their subjects they protect nothing.
      vault.keyring().destroySubjectKeys(storedKeys);
      throw UniqueViolation.causedBy(e) ? Checks.concurrentIdentity() : e;
    }
  }

  private List<ImportOutcome> write(
      Handle handle,
      Principal actor,
      List<Prepared> rows,
      ReturningPerson returning,
      ImportHook hook,
      List<UUID> storedKeys) {
    // Only identities that identify one person find the subject a row joins; a name never does.
    Set<String> hashes = new HashSet<>();
    Set<String> shared = new HashSet<>();
    rows.forEach(
        p ->
            p.hashes()
                .forEach(
                    (hash, at) -> (type(p, at).identifiesOnePerson() ? hashes : shared).add(hash)));
    Map<String, SubjectRows.Holding> owners = owners(handle, hashes);
    Set<String> erased = Set.of();
    if (returning == ReturningPerson.REFUSE) {
      Set<String> unowned = new HashSet<>(hashes);
      unowned.removeAll(owners.keySet());
      erased = erased(handle, unowned);
    }
    // Lock the subjects rows join, so an erasure cannot start between this check and the insert.
    Set<UUID> joined = new HashSet<>();
    owners.values().forEach(holding -> joined.add(holding.subjectId()));
    Map<UUID, Aead> existingKeys = liveKeys(handle, joined);
    Set<String> held = sharedHeld(handle, shared, joined);

    ImportOutcome[] outcomes = new ImportOutcome[rows.size()];
    Map<String, UUID> claimed = new HashMap<>();
    owners.forEach((hash, holding) -> claimed.put(hash, holding.subjectId()));
    Map<UUID, Aead> newKeys = new HashMap<>();
    List<Keyring.PreparedKey> keysToStore = new ArrayList<>();
    ImportInserts inserts = ImportInserts.on(handle, vault.clock().instant());
    int records = 0;
    for (int r = 0; r < rows.size(); r++) {
      Prepared p = rows.get(r);
      if (p.rejected() != null) {
        outcomes[r] = p.rejected();
        continue;
      }
      Set<UUID> found = new LinkedHashSet<>();
      int returningAt = -1;
      for (Map.Entry<String, Integer> hash : p.hashes().entrySet()) {
        if (!type(p, hash.getValue()).identifiesOnePerson()) {
          continue;
        }
        UUID owner = claimed.get(hash.getKey());
        if (owner != null) {
          found.add(owner);
        } else if (erased.contains(hash.getKey()) && returningAt < 0) {
          returningAt = hash.getValue();
        }
      }
      if (found.size() > 1) {
        outcomes[r] = new ImportOutcome.Rejected("identity-conflict", -1);
        continue;
      }
      if (returningAt >= 0) {
        // A stale copy of what was erased must not bring the person back (see ReturningPerson).
        outcomes[r] = new ImportOutcome.Rejected("erased-subject-returned", returningAt);
        continue;
      }
      if (found.isEmpty()) {
        UUID id = p.key().subjectId();
        keysToStore.add(p.key());
        newKeys.put(id, p.key().aead());
        inserts.subject(id, p.row());
        for (Map.Entry<String, Integer> hash : p.hashes().entrySet()) {
          IdentityType type = type(p, hash.getValue());
          if (type.identifiesOnePerson()) {
            claimed.put(hash.getKey(), id);
          } else {
            held.add(hash.getKey() + " " + id);
          }
          inserts.identity(hash.getKey(), id, type);
        }
        for (int v = 0; v < p.recordIds().length; v++) {
          inserts.record(p.recordIds()[v], id, p.row(), v, p.sealed()[v]);
        }
        records += p.recordIds().length;
        outcomes[r] = new ImportOutcome.Created(id);
        continue;
      }
      UUID id = found.iterator().next();
      Aead key = newKeys.containsKey(id) ? newKeys.get(id) : existingKeys.get(id);
      if (key == null) {
        outcomes[r] = new ImportOutcome.Rejected("subject-being-erased", -1);
        continue;
      }
      for (Map.Entry<String, Integer> hash : p.hashes().entrySet()) {
        IdentityType type = type(p, hash.getValue());
        if (type.identifiesOnePerson()) {
          if (claimed.putIfAbsent(hash.getKey(), id) == null) {
            inserts.identity(hash.getKey(), id, type);
          }
        } else if (held.add(hash.getKey() + " " + id)) {
          inserts.identity(hash.getKey(), id, type);
        }
      }
      for (int v = 0; v < p.recordIds().length; v++) {
        String value = p.row().values().get(v).value();
        byte[] sealed = RecordCipher.encrypt(key, p.recordIds()[v], id, value);
        inserts.record(p.recordIds()[v], id, p.row(), v, sealed);
      }
      records += p.recordIds().length;
      outcomes[r] = new ImportOutcome.Added(id);
    }
    // The operator vouches for what the import joined: identities a subject held only by
    // assertion are held by staff proof from now on (docs/vault.md, "Linking").
    for (int r = 0; r < rows.size(); r++) {
      if (outcomes[r] instanceof ImportOutcome.Added added) {
        for (String hash : rows.get(r).hashes().keySet()) {
          SubjectRows.Holding holding = owners.get(hash);
          if (holding != null
              && holding.subjectId().equals(added.subjectId())
              && !holding.proof().proves()) {
            SubjectRows.prove(handle, hash, added.subjectId(), IdentityProof.STAFF);
          }
        }
      }
    }
    // Imported data from an indirect source starts the Art. 14 clock, as addRecords does.
    Art14Clock art14 = new Art14Clock(vault);
    for (int r = 0; r < rows.size(); r++) {
      if (outcomes[r] instanceof ImportOutcome.Created created) {
        art14.obtained(created.subjectId(), rows.get(r).row().provenance());
      } else if (outcomes[r] instanceof ImportOutcome.Added added) {
        art14.obtained(added.subjectId(), rows.get(r).row().provenance());
      }
    }
    int notices = art14.start(handle, newKeys.keySet(), inserts);
    vault.keyring().storeSubjectKeys(keysToStore);
    keysToStore.forEach(key -> storedKeys.add(key.subjectId()));
    inserts.execute();
    List<ImportOutcome> result = Arrays.asList(outcomes);
    long rejected = result.stream().filter(o -> o instanceof ImportOutcome.Rejected).count();
    vault
        .audit()
        .record(
            handle,
            actor,
            "subject.import",
            "import-batch",
            UUID.randomUUID().toString(),
            "ok",
            "rows="
                + rows.size()
                + " created="
                + keysToStore.size()
                + " rejected="
                + rejected
                + " records="
                + records
                + " art14Notices="
                + notices);
    hook.inTransaction(handle, List.copyOf(result));
    return result;
  }

  private void checkVocabulary(List<Prepared> rows) {
    Checks checks = new Checks(vault);
    Set<Object> seen = new HashSet<>();
    for (Prepared p : rows) {
      ImportRow row = p.row();
      if (seen.add("type:" + row.subjectType())) {
        checks.known(Term.SUBJECT_TYPE, row.subjectType(), "subjectType");
      }
      if (seen.add(row.provenance())) {
        checks.provenance(row.provenance(), "provenance");
      }
      for (ImportRow.Value value : row.values()) {
        if (seen.add("category:" + value.category())) {
          checks.known(Term.CATEGORY, value.category(), "values/category");
        }
      }
      for (Identity identity : row.identities()) {
        if (!identity.type().isBuiltIn() && seen.add("identity:" + identity.type().id())) {
          checks.known(Term.IDENTITY_TYPE, identity.type().id(), "identities/type");
        }
      }
    }
    checks.orThrow();
  }

  private static IdentityType type(Prepared p, int identity) {
    return p.row().identities().get(identity).type();
  }

  private static Map<String, SubjectRows.Holding> owners(Handle handle, Set<String> hashes) {
    Map<String, SubjectRows.Holding> owners = new HashMap<>();
    for (List<String> chunk : chunks(hashes)) {
      ImportInserts.whereIn(
              handle,
              "select holder_hash, subject_id, proof from vault_identity where holder_hash",
              chunk)
          .map(
              (rs, ctx) ->
                  Map.entry(
                      rs.getString(1),
                      new SubjectRows.Holding(
                          rs.getObject(2, UUID.class), IdentityProof.parse(rs.getString(3)))))
          .forEach(entry -> owners.put(entry.getKey(), entry.getValue()));
    }
    return owners;
  }

  /** "hash subject" for each shared identity that a subject rows may join already holds. */
  private static Set<String> sharedHeld(Handle handle, Set<String> hashes, Set<UUID> subjects) {
    Set<String> held = new HashSet<>();
    if (subjects.isEmpty()) {
      return held;
    }
    for (List<String> chunk : chunks(hashes)) {
      ImportInserts.whereIn(handle, "select hash, subject_id from vault_identity where hash", chunk)
          .map((rs, ctx) -> rs.getString(1) + " " + rs.getObject(2, UUID.class))
          .forEach(held::add);
    }
    return held;
  }

  private static Set<String> erased(Handle handle, Set<String> hashes) {
    Set<String> erased = new HashSet<>();
    for (List<String> chunk : chunks(hashes)) {
      ImportInserts.whereIn(handle, "select hash from vault_tombstone_identity where hash", chunk)
          .mapTo(String.class)
          .forEach(erased::add);
    }
    return erased;
  }

  /** Locks the subjects and returns the keys of those neither erased nor being erased. */
  private Map<UUID, Aead> liveKeys(Handle handle, Set<UUID> subjects) {
    if (subjects.isEmpty()) {
      return Map.of();
    }
    return vault.keyring().subjectKeys(SubjectRows.liveAmong(handle, subjects, true));
  }

  private static <T> List<List<T>> chunks(Set<T> items) {
    List<T> all = List.copyOf(items);
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      chunks.add(all.subList(from, Math.min(all.size(), from + IN_CHUNK)));
    }
    return chunks;
  }
}
