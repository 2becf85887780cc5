package dev.steward.access;

import dev.steward.principal.Role;
import dev.steward.store.Database;
import dev.steward.store.Generations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code staff_user} table. */
final class StaffUserStore {
  private static final String COLUMNS =
      "id, username, display_name, role, must_change_password, disabled, created_at";
  private final Jdbi jdbi;
  private final Generations generations;

  StaffUserStore(Database database) {
    this.jdbi = database.jdbi();
    this.generations = database.generations();
  }

  /** A stored user with its hash, for sign-in only. */
  record WithHash(StaffUser user, String passwordHash) {}

  /** False when the user name is taken, also when another node took it a moment earlier. */
  static boolean insert(Handle handle, StaffUser user, String passwordHash) {
    return Rows.unlessDuplicate(
        () ->
            handle
                .createUpdate(
                    "insert into staff_user (id, username, display_name, role,"
                        + " password_hash, must_change_password, disabled, created_at)"
                        + " values (:id, :username, :displayName, :role, :hash,"
                        + " :mustChange, false, :createdAt)")
                .bind("id", user.id())
                .bind("username", user.username())
                .bind("displayName", user.displayName())
                .bind("role", user.role().id())
                .bind("hash", passwordHash)
                .bind("mustChange", user.mustChangePassword())
                .bind("createdAt", Rows.at(user.createdAt()))
                .execute());
  }

  long count() {
    return jdbi.withHandle(
        handle -> handle.select("select count(*) from staff_user").mapTo(Long.class).one());
  }

  List<StaffUser> list() {
    return jdbi.withHandle(
        handle ->
            handle
                .select("select " + COLUMNS + " from staff_user order by username")
                .map(StaffUserStore::user)
                .list());
  }

  Optional<StaffUser> find(UUID id) {
    return jdbi.withHandle(
        handle ->
            handle
                .select("select " + COLUMNS + " from staff_user where id = ?", id)
                .map(StaffUserStore::user)
                .findOne());
  }

  Optional<StaffUser> findByUsername(String username) {
    return findWithHash(username).map(WithHash::user);
  }

  Optional<WithHash> findWithHash(String username) {
    return jdbi.withHandle(
        handle ->
            handle
                .select(
                    "select " + COLUMNS + ", password_hash from staff_user where username = ?",
                    username)
                .map((rs, ctx) -> new WithHash(user(rs, ctx), rs.getString("password_hash")))
                .findOne());
  }

  void disable(Handle handle, UUID id) {
    handle.execute("update staff_user set disabled = true where id = ?", id);
    generations.bump(handle, ApiTokenStore.CREDENTIALS);
  }

  static void setPassword(Handle handle, UUID id, String passwordHash, boolean mustChange) {
    handle.execute(
        "update staff_user set password_hash = ?, must_change_password = ? where id = ?",
        passwordHash,
        mustChange,
        id);
  }

  private static StaffUser user(ResultSet rs, StatementContext ctx) throws SQLException {
    return new StaffUser(
        Rows.uuid(rs, "id"),
        rs.getString("username"),
        rs.getString("display_name"),
        Role.fromId(rs.getString("role")).orElseThrow(),
        rs.getBoolean("must_change_password"),
        rs.getBoolean("disabled"),
        Rows.instant(rs, "created_at"));
  }
}
