package dev.steward.vault;

import dev.steward.error.ConflictException;
import dev.steward.error.ForbiddenException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Pairs of subjects that may be one person, kept apart until someone decides (docs/vault.md,
 * "Linking"). A candidate is made when a submission that proves nothing gives an identity another
 * subject holds: the submission gets a subject of its own, and staff review the pair. Staff link
 * (merge the claimant into the holder) or dismiss it; a person who later proves the identity links
 * it through their request. Thread-safe; every decision is audited.
 */
public final class LinkCandidates {
  /** Where a candidate stands. */
  public enum Status {
    OPEN,
    LINKED,
    DISMISSED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What staff decide about a candidate. */
  public enum Decision {
    LINK,
    DISMISS
  }

  /**
   * A candidate as staff see it: ids and the identity's type, never its value.
   *
   * @param subjectId the subject made from the unproven submission
   * @param holderId the subject that already held the identity
   */
  public record Candidate(
      UUID id,
      UUID subjectId,
      UUID holderId,
      String identityType,
      Instant foundAt,
      String status,
      Instant decidedAt,
      String decidedBy) {}

  private final VaultContext vault;
  private final Linker linker;

  LinkCandidates(VaultContext vault, Linker linker) {
    this.vault = vault;
    this.linker = linker;
  }

  /** Candidates in {@code status}, oldest first, up to {@code limit}; audited as a read. */
  public List<Candidate> list(Principal actor, Status status, int limit) {
    Checks.permit(vault, actor, Permission.SUBJECT_READ, "subject.link-candidates", "-");
    List<Candidate> found =
        vault
            .store()
            .withHandle(
                handle ->
                    handle
                        .createQuery(
                            "select id, subject_id, holder_id, identity_type, found_at, status,"
                                + " decided_at, decided_by from vault_link_candidate"
                                + " where status = :status order by found_at, id limit :limit")
                        .bind("status", status.id())
                        .bind("limit", limit)
                        .map(
                            (rs, ctx) -> {
                              OffsetDateTime decided = rs.getObject(7, OffsetDateTime.class);
                              return new Candidate(
                                  rs.getObject(1, UUID.class),
                                  rs.getObject(2, UUID.class),
                                  rs.getObject(3, UUID.class),
                                  rs.getString(4),
                                  rs.getObject(5, OffsetDateTime.class).toInstant(),
                                  rs.getString(6),
                                  decided == null ? null : decided.toInstant(),
                                  rs.getString(8));
                            })
                        .list());
    vault
        .audit()
        .record(
            actor,
            "subject.link-candidates",
            "link-candidate",
            "-",
            "ok",
            "status=" + status.id() + " count=" + found.size());
    return found;
  }

  /**
   * Links (the claimant merges into the holder) or dismisses an open candidate. A candidate whose
   * subjects are already one, or gone, is a conflict.
   */
  public Candidate decide(Principal actor, UUID candidateId, Decision decision) {
    Checks.permit(vault, actor, Permission.SUBJECT_WRITE, "subject.link-candidate", candidateId);
    if (actor instanceof Principal.Client) {
      // A candidate exists because the evidence did not prove the match; the privacy team weighs
      // it (in the console, or at the node's command line). A client's token that may write
      // subject data may not merge people.
      vault
          .audit()
          .record(
              actor, "subject.link-candidate", "subject", candidateId.toString(), "denied", null);
      throw new ForbiddenException("a link candidate is decided by staff, not by a client account");
    }
    if (decision == null) {
      throw new InvalidInputException(
          "say link or dismiss", List.of(new FieldProblem("decision", "link or dismiss")));
    }
    vault
        .store()
        .useTransaction(
            handle -> {
              Row row =
                  lock(handle, candidateId)
                      .orElseThrow(() -> new NotFoundException("no link candidate " + candidateId));
              if (!row.status().equals(Status.OPEN.id())) {
                throw new ConflictException(
                    "link candidate " + candidateId + " is already " + row.status());
              }
              Instant now = vault.clock().instant();
              if (decision == Decision.LINK) {
                UUID holder = live(handle, row.holderId());
                UUID claimant = live(handle, row.subjectId());
                if (holder.equals(claimant)) {
                  throw new ConflictException("the two subjects are already one");
                }
                linker.merge(handle, actor, holder, claimant, "link-candidate:" + candidateId);
              }
              handle
                  .createUpdate(
                      "update vault_link_candidate set status = :status, decided_at = :at,"
                          + " decided_by = :by where id = :id")
                  .bind("status", decision == Decision.LINK ? "linked" : "dismissed")
                  .bind("at", now)
                  .bind("by", actor.actorId())
                  .bind("id", candidateId)
                  .execute();
              vault
                  .audit()
                  .record(
                      handle,
                      actor,
                      "subject.link-candidate",
                      "link-candidate",
                      candidateId.toString(),
                      "ok",
                      "decision=" + decision.name().toLowerCase(Locale.ROOT));
            });
    return vault
        .store()
        .withHandle(handle -> read(handle, candidateId))
        .orElseThrow(() -> new NotFoundException("no link candidate " + candidateId));
  }

  private record Row(UUID subjectId, UUID holderId, String status) {}

  private static java.util.Optional<Row> lock(Handle handle, UUID id) {
    return handle
        .createQuery(
            "select subject_id, holder_id, status from vault_link_candidate where id = :id"
                + " for update")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
        .findOne();
  }

  private static java.util.Optional<Candidate> read(Handle handle, UUID id) {
    return handle
        .createQuery(
            "select id, subject_id, holder_id, identity_type, found_at, status, decided_at,"
                + " decided_by from vault_link_candidate where id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) -> {
              OffsetDateTime decided = rs.getObject(7, OffsetDateTime.class);
              return new Candidate(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  rs.getObject(3, UUID.class),
                  rs.getString(4),
                  rs.getObject(5, OffsetDateTime.class).toInstant(),
                  rs.getString(6),
                  decided == null ? null : decided.toInstant(),
                  rs.getString(8));
            })
        .findOne();
  }

  private static UUID live(Handle handle, UUID id) {
    return SubjectRows.live(handle, id)
        .map(SubjectRows.Row::id)
        .orElseThrow(
            () -> new ConflictException("subject " + id + " is no longer in the vault to link"));
  }

  static void insert(
      Handle handle, UUID subjectId, UUID holderId, IdentityType type, String hash, Instant now) {
    handle
        .createUpdate(
            "insert into vault_link_candidate (id, subject_id, holder_id, identity_type,"
                + " identity_hash, found_at, status) values (:id, :subject, :holder, :type, :hash,"
                + " :at, 'open')")
        .bind("id", UUID.randomUUID())
        .bind("subject", subjectId)
        .bind("holder", holderId)
        .bind("type", type.id())
        .bind("hash", hash)
        .bind("at", now)
        .execute();
  }

  /**
   * A claimant of the hash still waiting: open candidate, subject live and confirmed by nothing.
   */
  record Claimant(UUID candidateId, UUID subjectId, IdentityType type) {}

  /** The open candidates on {@code hash} whose subjects no proof has confirmed, oldest first. */
  static List<Claimant> unconfirmedClaimants(Handle handle, String hash) {
    List<Claimant> all =
        handle
            .createQuery(
                "select id, subject_id, identity_type from vault_link_candidate"
                    + " where identity_hash = :hash and status = 'open' order by found_at, id")
            .bind("hash", hash)
            .map(
                (rs, ctx) ->
                    new Claimant(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        IdentityType.of(rs.getString(3))))
            .list();
    List<Claimant> waiting = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    for (Claimant claimant : all) {
      SubjectRows.live(handle, claimant.subjectId())
          .map(SubjectRows.Row::id)
          .filter(id -> !SubjectRows.isConfirmed(handle, id))
          .filter(seen::add)
          .ifPresent(id -> waiting.add(new Claimant(claimant.candidateId(), id, claimant.type())));
    }
    return waiting;
  }

  /**
   * Keeps the candidates true after {@code gone} merged into {@code survivor}: a pair that is now
   * one subject is linked, and the others name the survivor.
   */
  static void merged(Handle handle, UUID survivor, UUID gone, String why, Instant now) {
    handle
        .createUpdate(
            "update vault_link_candidate set holder_id = :survivor where holder_id = :gone")
        .bind("survivor", survivor)
        .bind("gone", gone)
        .execute();
    // One candidate per subject and hash: the survivor's own claim on a hash stands for both.
    handle
        .createUpdate(
            "delete from vault_link_candidate where subject_id = :gone and identity_hash in"
                + " (select identity_hash from vault_link_candidate where subject_id = :survivor)")
        .bind("survivor", survivor)
        .bind("gone", gone)
        .execute();
    handle
        .createUpdate(
            "update vault_link_candidate set subject_id = :survivor where subject_id = :gone")
        .bind("survivor", survivor)
        .bind("gone", gone)
        .execute();
    handle
        .createUpdate(
            "update vault_link_candidate set status = 'linked', decided_at = :at, decided_by = :by"
                + " where subject_id = holder_id and status = 'open'")
        .bind("at", now)
        .bind("by", why)
        .execute();
  }
}
