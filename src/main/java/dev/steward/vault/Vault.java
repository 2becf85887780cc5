package dev.steward.vault;

import dev.steward.audit.AuditTrail;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The vault of personal data: data subjects, their identities (kept only as keyed hashes) and their
 * records (values encrypted under a key per subject, held in the separate {@link Keyring}).
 *
 * <p>Every call names the acting {@link Principal}, checks its permission ({@code subject:read},
 * {@code subject:write} or {@code subject:erase}), validates every id against the {@link
 * VaultVocabulary} before changing anything, and leaves an audit entry (ids only) in the same
 * transaction as the change, so a change whose audit entry fails is rolled back. Reads of values
 * need a stated purpose. Stateless apart from its collaborators; thread-safe.
 */
public final class Vault {
  private final VaultContext context;
  private final Subjects subjects;
  private final Records records;
  private final Linker linker;
  private final ExemptionStore exemptions;
  private final Eraser eraser;
  private final RecordDeletion deletion;
  private final Disclosures disclosures;
  private final Art14Notices art14Notices;
  private final BulkImport bulk;
  private final Proofs proofs;
  private final LinkCandidates candidates;

  public Vault(
      Database store,
      Keyring keyring,
      IdentityIndex index,
      VaultVocabulary vocabulary,
      AuditTrail audit,
      Clock clock) {
    this(store, keyring, index, vocabulary, audit, clock, NoticeDeadlines.oneMonthUtc());
  }

  /** As above, with the deadlines by which people whose data came indirectly must be told. */
  public Vault(
      Database store,
      Keyring keyring,
      IdentityIndex index,
      VaultVocabulary vocabulary,
      AuditTrail audit,
      Clock clock,
      NoticeDeadlines deadlines) {
    this.context =
        new VaultContext(store.jdbi(), keyring, index, vocabulary, audit, clock, deadlines);
    this.disclosures = new Disclosures(context);
    this.art14Notices = new Art14Notices(context);
    this.subjects = new Subjects(context);
    this.records = new Records(context);
    this.linker = new Linker(context);
    this.exemptions = new ExemptionStore(context);
    this.eraser = new Eraser(context, exemptions);
    this.deletion = new RecordDeletion(context);
    this.bulk = new BulkImport(context);
    this.proofs = new Proofs(context, linker);
    this.candidates = new LinkCandidates(context, linker);
  }

  /**
   * Creates a subject with identities staff vouch for (and date of birth, encrypted). An identity
   * of another subject is an {@link IdentityConflictException}; one of an erased subject is a
   * {@link ReturningPersonException} unless {@code returning} is {@link ReturningPerson#WELCOME}.
   */
  public UUID createSubject(Principal actor, NewSubject subject, ReturningPerson returning) {
    return subjects.create(actor, subject, returning);
  }

  /**
   * Creates a subject from a submission that proves nothing, such as a public form. It never joins
   * an existing subject: a name identifies no one, and an identity another subject holds stays with
   * that subject and becomes a {@link LinkCandidates link candidate} for staff (docs/vault.md,
   * "Linking"). Its identities are held as asserted. A concurrent submission with the same new
   * identity is a {@link dev.steward.error.ConflictException}; trying again makes a candidate.
   */
  public UUID createFromClaim(Principal actor, NewSubject subject) {
    return subjects.createFromClaim(actor, subject, Subjects.AlsoInTransaction.NOTHING);
  }

  /**
   * Files an unproven submission, as {@link #createFromClaim} does, with its records (built for the
   * new subject's id) and whatever {@code alsoInTransaction} writes for that subject (a consent
   * record, the audit entry of the submission), all in one transaction: a refusal anywhere stores
   * nothing.
   */
  public UUID collect(
      Principal actor,
      NewSubject subject,
      Function<UUID, List<NewRecord>> recordsFor,
      BiConsumer<Handle, UUID> alsoInTransaction) {
    return subjects.createFromClaim(
        actor,
        subject,
        (handle, subjectId, key) -> {
          List<NewRecord> batch = recordsFor.apply(subjectId);
          if (!batch.isEmpty()) {
            records.addIn(handle, actor, batch, Map.of(subjectId, key));
          }
          alsoInTransaction.accept(handle, subjectId);
        });
  }

  /**
   * The subject that a proof of control of the identities behind {@code hashes} leads to (keyed
   * hashes, as {@link IdentityIndex} makes them), in the caller's transaction: subjects made from
   * unproven submissions that claimed them are merged into it, and it holds them by {@code proof}
   * from then on. Empty when the proofs lead to no subject or to more than one.
   *
   * @param evidence what proved it, e.g. {@code request:<id>}
   */
  public Optional<UUID> subjectProvenBy(
      Handle handle,
      Principal actor,
      Collection<String> hashes,
      IdentityProof proof,
      String evidence) {
    return proofs.proven(handle, actor, hashes, proof, evidence);
  }

  /**
   * The subject the identities behind {@code hashes} lead to without any proof, for requests the
   * law lets a person make unverified (opt-outs, objections to marketing); changes nothing.
   */
  public Optional<UUID> subjectReachedBy(Handle handle, Collection<String> hashes) {
    return proofs.reached(handle, hashes);
  }

  /**
   * CCPA data-point matching (11 CCR §7062): per live subject, how many of the identities it holds.
   * Audited as {@code subject.match}.
   */
  public Map<UUID, Integer> matchDataPoints(Principal actor, List<Identity> identities) {
    Checks.permit(context, actor, Permission.SUBJECT_READ, "subject.match", "-");
    Checks checks = new Checks(context);
    Map<String, IdentityType> hashes = IdentityHashes.of(context, checks, identities);
    checks.orThrow();
    Map<UUID, Integer> counts =
        context.store().withHandle(handle -> proofs.matches(handle, hashes));
    context
        .audit()
        .record(
            actor,
            "subject.match",
            "subject",
            "-",
            "ok",
            "points=" + identities.size() + " subjects=" + counts.size());
    return counts;
  }

  /** Pairs of subjects that may be one person, for staff to link or dismiss. */
  public LinkCandidates linkCandidates() {
    return candidates;
  }

  /** Adds identities that staff vouch for to a subject; identities it already has are kept. */
  public void addIdentities(
      Principal actor, UUID subjectId, List<Identity> identities, ReturningPerson returning) {
    subjects.addIdentities(actor, subjectId, identities, returning);
  }

  /** Finds the subject that has this identity, or the tombstone of one that had it. */
  public IdentityMatch findByIdentity(Principal actor, Identity identity) {
    return subjects.find(actor, identity);
  }

  /** The subject without values; a merged subject's id leads to the survivor. */
  public Subject subject(Principal actor, UUID subjectId) {
    return subjects.view(actor, subjectId);
  }

  /** The log of disclosures of subjects' data to recipients. */
  public Disclosures disclosures() {
    return disclosures;
  }

  /** The people to tell that their data came from another source (GDPR Art. 14). */
  public Art14Notices art14Notices() {
    return art14Notices;
  }

  /**
   * The live subjects holding records of any of {@code systems} in any of {@code categories} (a
   * category takes its sub-categories) collected in {@code [from, to)} (either end open when null):
   * the people a breach of those systems may have reached. Ids only; audited as {@code
   * subjects.selected} with the counts.
   */
  public Holding holders(
      Principal actor,
      Set<String> systems,
      Set<String> categories,
      java.time.Instant from,
      java.time.Instant to) {
    return new Holders(context).find(actor, systems, categories, from, to);
  }

  /** The subjects found by {@link #holders}, in id order, and how many of their records matched. */
  public record Holding(List<UUID> subjects, long records) {}

  /**
   * Encrypts and stores a batch of records in one transaction with one audit entry. Records from a
   * source the vocabulary marks indirect start the GDPR Art. 14 clock in the same transaction.
   */
  public List<UUID> addRecords(Principal actor, List<NewRecord> batch) {
    return records.add(actor, batch);
  }

  /**
   * Hashes the rows' identities, makes keys and encrypts values: the computing half of a bulk
   * import, which touches no database and may run on another thread than {@link #commitImport}.
   */
  public PreparedImport prepareImport(List<ImportRow> rows) {
    return bulk.prepare(rows);
  }

  /**
   * Writes a prepared batch in one transaction with one audit entry: each row becomes a new
   * subject, joins the subject that has one of its identities, or is rejected with a reason (an
   * identity of an erased subject is {@code erased-subject-returned} unless {@code returning} is
   * {@link ReturningPerson#WELCOME}). {@code hook} runs in the same transaction.
   */
  public List<ImportOutcome> commitImport(
      Principal actor, PreparedImport batch, ReturningPerson returning, ImportHook hook) {
    return bulk.commit(actor, batch, returning, hook);
  }

  /** Decrypts the subject's records for a stated purpose; audited as {@code subject.read}. */
  public List<RecordValue> readRecords(Principal actor, UUID subjectId, String purpose) {
    return records.read(actor, subjectId, purpose);
  }

  /**
   * The newest value a live subject holds in {@code category}, e.g. the address a letter goes to;
   * the read is audited with {@code why}.
   */
  public Optional<String> newestValue(
      Principal actor, UUID subjectId, String category, String why) {
    return records.newestValue(actor, subjectId, category, why);
  }

  /** Replaces a record's value, recording who and why but not the old value. */
  public void rectify(Principal actor, UUID recordId, String newValue, String reason) {
    records.rectify(actor, null, recordId, newValue, reason);
  }

  /** As {@link #rectify}, refusing a record that is not the subject's (merges followed). */
  public void rectify(
      Principal actor, UUID subjectId, UUID recordId, String newValue, String reason) {
    records.rectify(actor, subjectId, recordId, newValue, reason);
  }

  /** Merges {@code mergedId} into {@code survivorId}: identities and records move, none is lost. */
  public void link(Principal actor, UUID survivorId, UUID mergedId) {
    linker.link(actor, survivorId, mergedId);
  }

  /** Moves an identity, and the named records, to a new subject; returns its id. */
  public UUID unlink(Principal actor, UUID subjectId, Identity identity, Set<UUID> recordIds) {
    return linker.unlink(actor, subjectId, identity, recordIds);
  }

  /**
   * Erases a subject by destroying its key, keeping what the exemptions name under their own keys
   * until they expire. Safe to call again after a failure; returns the tombstone.
   */
  public Tombstone erase(
      Principal actor,
      UUID subjectId,
      String reason,
      String requestId,
      List<KeepUnderExemption> exemptionsToKeep) {
    return eraser.erase(actor, subjectId, reason, requestId, exemptionsToKeep);
  }

  /**
   * Names who erases the copies of a person's data that other features hold, whenever this vault
   * erases a person (see {@link ErasureListener}). Set once while the node is wired, before it
   * serves.
   */
  public void onErasure(ErasureListener listener) {
    eraser.listen(listener);
  }

  /**
   * Deletes the named records of a subject that stays, for a deletion narrower than the person
   * (CCPA §1798.105(a)); records it no longer has are skipped, so a retry is safe. Returns how many
   * went.
   */
  public int deleteRecords(
      Principal actor, UUID subjectId, Set<UUID> recordIds, String reason, String requestId) {
    return deletion.delete(actor, subjectId, recordIds, reason, requestId);
  }

  /**
   * Anonymises the named records of a subject: each value is destroyed with its row, and only a
   * count by category, source, purposes and month of collection is kept ({@code
   * vault_record_aggregate}: no subject, record or value), in the same transaction, so a retry
   * counts nothing twice. Records it no longer has are skipped. Returns how many went.
   */
  public int anonymiseRecords(Principal actor, UUID subjectId, Set<UUID> recordIds, String reason) {
    return deletion.anonymise(actor, subjectId, recordIds, reason);
  }

  /** What exemptions keep of an erased subject, decrypted for a stated purpose. */
  public List<KeptRecord> readKept(Principal actor, UUID subjectId, String purpose) {
    return exemptions.read(actor, subjectId, purpose);
  }

  /** Destroys the keys of expired exemptions and deletes their items; run on a schedule. */
  public int releaseExpiredExemptions(Principal actor) {
    return exemptions.releaseExpired(actor);
  }
}
