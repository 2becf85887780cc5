package dev.steward.access;

import dev.steward.principal.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Sessions of people who proved possession of an email or phone: the {@code subject_session} table.
 * The token ({@code sts_...}) is shown once and kept only as its SHA-256; a session lasts {@link
 * #LIFETIME} from sign-in, not sliding, and ends early when revoked. Stateless apart from the
 * store, so a revocation on one node holds on every node at once. Thread-safe.
 */
public final class SubjectSessions {
  public static final Duration LIFETIME = Duration.ofMinutes(30);
  private final Jdbi jdbi;
  private final Clock clock;

  public SubjectSessions(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** A new session: its principal, and the token to hand to the person once. */
  public record Opened(Principal.SubjectSession principal, String token, Instant expiresAt) {}

  /**
   * Opens a session with the caller's handle, so it exists only if the proof that led to it (a
   * spent code) commits too.
   *
   * @param subjectRef the identity-index hash of the proven identity
   */
  public Opened open(Handle handle, String identityType, String subjectRef) {
    Instant now = Rows.now(clock);
    Instant expires = now.plus(LIFETIME);
    UUID id = UUID.randomUUID();
    String token = Secrets.newSessionToken();
    handle.execute(
        "insert into subject_session (id, token_hash, identity_type, subject_ref, created_at,"
            + " expires_at, revoked_at) values (?, ?, ?, ?, ?, ?, null)",
        id,
        Secrets.sha256Hex(token),
        identityType,
        subjectRef,
        Rows.at(now),
        Rows.at(expires));
    return new Opened(new Principal.SubjectSession(id, subjectRef), token, expires);
  }

  /** Ends the session now; a later call with its token is 401. Revoking twice changes nothing. */
  /** Ends the session. */
  public void revoke(Principal.SubjectSession session) {
    jdbi.useHandle(handle -> revoke(handle, session));
  }

  /** Ends the session, in the caller's transaction. */
  public void revoke(Handle handle, Principal.SubjectSession session) {
    handle.execute(
        "update subject_session set revoked_at = ? where id = ? and revoked_at is null",
        Rows.at(Rows.now(clock)),
        session.sessionId());
  }

  /** The live session a token belongs to; empty when unknown, expired or revoked. */
  Optional<Principal.SubjectSession> find(String token) {
    Instant now = clock.instant();
    return jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "select id, subject_ref, expires_at, revoked_at from subject_session"
                            + " where token_hash = :hash")
                    .bind("hash", Secrets.sha256Hex(token))
                    .map(
                        (rs, ctx) ->
                            new Stored(
                                new Principal.SubjectSession(
                                    Rows.uuid(rs, "id"), rs.getString("subject_ref")),
                                Rows.instant(rs, "expires_at"),
                                Rows.instant(rs, "revoked_at")))
                    .findFirst())
        .filter(stored -> stored.revokedAt() == null && now.isBefore(stored.expiresAt()))
        .map(Stored::session);
  }

  private record Stored(Principal.SubjectSession session, Instant expiresAt, Instant revokedAt) {}
}
