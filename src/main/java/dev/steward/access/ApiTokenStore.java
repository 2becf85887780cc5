package dev.steward.access;

import dev.steward.store.Generations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code api_token} table; secrets arrive here only as their SHA-256. */
final class ApiTokenStore {
  private static final String COLUMNS =
      "id, owner_kind, owner_id, name, scopes, created_at, expires_at, revoked_at, last_used_at";

  /** Bumped with every revocation, and when a token's owner is disabled. */
  static final String CREDENTIALS = "credentials";

  private final Jdbi jdbi;
  private final Generations generations;

  ApiTokenStore(Jdbi jdbi, Generations generations) {
    this.jdbi = jdbi;
    this.generations = generations;
  }

  /** A token found by its hash, with what authentication needs to know of its owner. */
  record Presented(ApiToken token, String ownerRole, String clientKind, boolean ownerDisabled) {}

  /** Stores a new token in the caller's transaction. */
  static void insert(Handle handle, ApiToken token, String tokenHash) {
    handle.execute(
        "insert into api_token ("
            + COLUMNS
            + ", token_hash)"
            + " values (?, ?, ?, ?, ?, ?, ?, null, null, ?)",
        token.id(),
        token.owner().kind().id(),
        token.owner().id(),
        token.name(),
        Scopes.format(token.scopes()),
        Rows.at(token.createdAt()),
        Rows.at(token.expiresAt()),
        tokenHash);
  }

  List<ApiToken> list(Optional<TokenOwner> owner) {
    String select = "select " + COLUMNS + " from api_token";
    return jdbi.withHandle(
        handle ->
            owner
                .map(
                    o ->
                        handle.select(
                            select + " where owner_kind = ? and owner_id = ? order by created_at",
                            o.kind().id(),
                            o.id()))
                .orElseGet(() -> handle.select(select + " order by created_at"))
                .map(ApiTokenStore::token)
                .list());
  }

  Optional<ApiToken> find(UUID id) {
    return jdbi.withHandle(
        handle ->
            handle
                .select("select " + COLUMNS + " from api_token where id = ?", id)
                .map(ApiTokenStore::token)
                .findOne());
  }

  Optional<Presented> findByHash(String tokenHash) {
    return jdbi.withHandle(
        handle ->
            handle
                .select(
                    "select t.id, t.owner_kind, t.owner_id, t.name, t.scopes, t.created_at,"
                        + " t.expires_at, t.revoked_at, t.last_used_at, u.role, c.kind,"
                        + " coalesce(u.disabled, c.disabled, true) as owner_disabled"
                        + " from api_token t"
                        + " left join staff_user u on t.owner_kind = 'staff' and u.id = t.owner_id"
                        + " left join client_account c"
                        + " on t.owner_kind = 'client' and c.id = t.owner_id"
                        + " where t.token_hash = ?",
                    tokenHash)
                .map(
                    (rs, ctx) ->
                        new Presented(
                            token(rs, ctx),
                            rs.getString("role"),
                            rs.getString("kind"),
                            rs.getBoolean("owner_disabled")))
                .findOne());
  }

  /** Revokes unless already revoked, in the caller's transaction; false when nothing changed. */
  boolean revoke(Handle handle, UUID id, Instant now) {
    boolean revoked =
        handle.execute(
                "update api_token set revoked_at = ? where id = ? and revoked_at is null",
                Rows.at(now),
                id)
            > 0;
    if (revoked) {
      generations.bump(handle, CREDENTIALS);
    }
    return revoked;
  }

  /** Revokes every live sign-in session of a staff user, e.g. after a password change. */
  void revokeSessions(Handle handle, UUID userId, Instant now) {
    handle.execute(
        "update api_token set revoked_at = ? where owner_kind = 'staff' and owner_id = ?"
            + " and name = ? and revoked_at is null",
        Rows.at(now),
        userId,
        ApiToken.SESSION);
    generations.bump(handle, CREDENTIALS);
  }

  /**
   * Records use, but only when the stored time is older than {@code staleBefore}: at most one write
   * a minute per token, across every node, however many calls it makes.
   */
  void touch(UUID id, Instant now, Instant staleBefore) {
    jdbi.useHandle(
        handle ->
            handle.execute(
                "update api_token set last_used_at = ? where id = ?"
                    + " and (last_used_at is null or last_used_at < ?)",
                Rows.at(now),
                id,
                Rows.at(staleBefore)));
  }

  private static ApiToken token(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ApiToken(
        Rows.uuid(rs, "id"),
        new TokenOwner(
            TokenOwner.Kind.fromId(rs.getString("owner_kind")), Rows.uuid(rs, "owner_id")),
        rs.getString("name"),
        Scopes.read(rs.getString("scopes")),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "expires_at"),
        Rows.instant(rs, "revoked_at"),
        Rows.instant(rs, "last_used_at"));
  }
}
