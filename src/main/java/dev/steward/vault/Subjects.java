package dev.steward.vault;

import com.google.crypto.tink.Aead;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.store.UniqueViolation;
import dev.steward.vault.VaultVocabulary.Term;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/** Creating subjects, adding identities and finding subjects by identity. */
final class Subjects {
  private final VaultContext vault;

  Subjects(VaultContext vault) {
    this.vault = vault;
  }

  /** What else to do in the transaction that creates a subject, with its id and key. */
  @FunctionalInterface
  interface AlsoInTransaction {
    void run(Handle handle, UUID subjectId, Aead key);

    AlsoInTransaction NOTHING = (handle, subjectId, key) -> {};
  }

  /** A subject whose identities staff vouch for: they are held with {@link IdentityProof#STAFF}. */
  UUID create(Principal actor, NewSubject subject, ReturningPerson returning) {
    return create(actor, subject, returning, false, AlsoInTransaction.NOTHING);
  }

  /**
   * A subject made from a submission that proves nothing, such as a public form: it never joins an
   * existing subject, and an identity another subject holds becomes a link candidate. {@code also}
   * runs in the same transaction: if it fails, nothing of the subject is kept.
   */
  UUID createFromClaim(Principal actor, NewSubject subject, AlsoInTransaction also) {
    return create(actor, subject, ReturningPerson.WELCOME, true, also);
  }

  private UUID create(
      Principal actor,
      NewSubject subject,
      ReturningPerson returning,
      boolean claim,
      AlsoInTransaction also) {
    Checks.permit(vault, actor, Permission.SUBJECT_WRITE, "subject.create", "-");
    Checks checks =
        new Checks(vault).known(Term.SUBJECT_TYPE, subject.subjectType(), "subjectType");
    if (subject.dateOfBirth() != null) {
      checks
          .known(Term.CATEGORY, subject.dateOfBirth().category(), "dateOfBirth/category")
          .provenance(subject.dateOfBirth().provenance(), "dateOfBirth");
    }
    if (subject.relationshipStart() != null
        && subject.relationshipEnd() != null
        && subject.relationshipEnd().isBefore(subject.relationshipStart())) {
      checks.problem("relationshipEnd", "is before relationshipStart");
    }
    Map<String, IdentityType> hashes = IdentityHashes.of(vault, checks, subject.identities());
    checks.orThrow();

    UUID id = UUID.randomUUID();
    Aead key = vault.keyring().createSubjectKey(id);
    Instant now = vault.clock().instant();
    try {
      vault
          .store()
          .useTransaction(
              handle -> {
                SubjectRows.insert(
                    handle,
                    id,
                    new SubjectRows.Row(
                        id,
                        subject.subjectType(),
                        subject.relationshipStart(),
                        subject.relationshipEnd(),
                        subject.under13(),
                        now));
                int candidates = 0;
                if (claim) {
                  candidates = IdentityHashes.claim(handle, id, hashes, now);
                } else {
                  IdentityHashes.attach(handle, id, hashes, returning, IdentityProof.STAFF, now);
                }
                if (subject.dateOfBirth() != null) {
                  NewSubject.DateOfBirth birth = subject.dateOfBirth();
                  UUID recordId = UUID.randomUUID();
                  var batch = RecordRows.insertBatch(handle);
                  RecordRows.add(
                      batch,
                      recordId,
                      id,
                      birth.category(),
                      birth.provenance(),
                      RecordCipher.encrypt(key, recordId, id, birth.date().toString()));
                  batch.execute();
                }
                vault
                    .audit()
                    .record(
                        handle,
                        actor,
                        "subject.create",
                        "subject",
                        id.toString(),
                        "ok",
                        "type="
                            + subject.subjectType()
                            + " identities="
                            + (hashes.size() - candidates)
                            + " proof="
                            + (claim ? IdentityProof.ASSERTED : IdentityProof.STAFF).id()
                            + " linkCandidates="
                            + candidates);
                also.run(handle, id, key);
              });
    } catch (RuntimeException e) {
      // The key was committed in the keyring first; without its subject it protects nothing.
      vault.keyring().destroySubjectKey(id);
      throw UniqueViolation.causedBy(e) ? Checks.concurrentIdentity() : e;
    }
    return id;
  }

  void addIdentities(
      Principal actor, UUID subjectId, List<Identity> identities, ReturningPerson returning) {
    Checks.permit(vault, actor, Permission.SUBJECT_WRITE, "subject.identity.add", subjectId);
    Checks checks = new Checks(vault);
    Map<String, IdentityType> hashes = IdentityHashes.of(vault, checks, identities);
    checks.orThrow();
    try {
      vault
          .store()
          .useTransaction(
              handle -> {
                UUID id =
                    SubjectRows.locked(handle, subjectId)
                        .orElseThrow(() -> new SubjectNotFoundException(subjectId))
                        .id();
                int added =
                    IdentityHashes.attach(
                        handle,
                        id,
                        hashes,
                        returning,
                        IdentityProof.STAFF,
                        vault.clock().instant());
                vault
                    .audit()
                    .record(
                        handle,
                        actor,
                        "subject.identity.add",
                        "subject",
                        id.toString(),
                        "ok",
                        "added=" + added);
              });
    } catch (JdbiException e) {
      throw UniqueViolation.causedBy(e) ? Checks.concurrentIdentity() : e;
    }
  }

  IdentityMatch find(Principal actor, Identity identity) {
    Checks.permit(vault, actor, Permission.SUBJECT_READ, "subject.find", "-");
    String hash = vault.index().hash(identity);
    // The connection goes back to the pool before the audit entry is awaited: the entry is written
    // by the audit log's own writer, and holding a connection while it becomes durable would cap
    // concurrent look-ups at the pool's size. The answer still waits for the entry.
    IdentityMatch match = vault.store().withHandle(handle -> match(handle, identity.type(), hash));
    String objectId = "-";
    if (match instanceof IdentityMatch.Found found) {
      objectId = found.subjectId().toString();
    } else if (match instanceof IdentityMatch.Erased erased) {
      objectId = erased.formerSubjectId().toString();
    }
    String outcome = match.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    vault
        .audit()
        .record(
            actor,
            "subject.find",
            "subject",
            objectId,
            outcome,
            "identityType=" + identity.type().id());
    return match;
  }

  private static IdentityMatch match(Handle handle, IdentityType type, String hash) {
    if (type.identifiesOnePerson()) {
      return SubjectRows.holderOf(handle, hash)
          .<IdentityMatch>map(holding -> new IdentityMatch.Found(holding.subjectId()))
          .or(() -> SubjectRows.erasedWith(handle, hash))
          .orElse(new IdentityMatch.None());
    }
    // A name or an address may be several people's: say so rather than pick one.
    List<UUID> holders = SubjectRows.holdersOf(handle, hash);
    if (holders.size() == 1) {
      return new IdentityMatch.Found(holders.get(0));
    }
    if (holders.size() > 1) {
      return new IdentityMatch.Several(holders);
    }
    return SubjectRows.erasedWith(handle, hash)
        .<IdentityMatch>map(e -> e)
        .orElse(new IdentityMatch.None());
  }

  Subject view(Principal actor, UUID subjectId) {
    Checks.permit(vault, actor, Permission.SUBJECT_READ, "subject.view", subjectId);
    return vault
        .store()
        .inTransaction(
            handle -> {
              SubjectRows.Row row =
                  SubjectRows.live(handle, subjectId)
                      .orElseThrow(() -> new SubjectNotFoundException(subjectId));
              vault.audit().record(handle, actor, "subject.view", "subject", row.id().toString());
              return new Subject(
                  row.id(),
                  row.type(),
                  row.start(),
                  row.end(),
                  row.under13(),
                  row.createdAt(),
                  SubjectRows.identities(handle, row.id()));
            });
  }
}
