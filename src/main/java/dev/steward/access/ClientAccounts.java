package dev.steward.access;

import dev.steward.audit.AuditTrail;
import dev.steward.error.ConflictException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.NotFoundException;
import dev.steward.principal.ClientKind;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import dev.steward.store.Generations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Client accounts: add, list, find, disable; every change audited. A disabled account's tokens stop
 * working at once on this node and within {@link dev.steward.store.Generations#MAX_AGE} on the
 * others. Stateless and thread-safe.
 */
public final class ClientAccounts {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,127}");
  private static final String COLUMNS = "id, name, kind, disabled, created_at";
  private final Jdbi jdbi;
  private final Generations generations;
  private final AuditTrail audit;
  private final Clock clock;

  public ClientAccounts(Database database, AuditTrail audit, Clock clock) {
    this.jdbi = database.jdbi();
    this.generations = database.generations();
    this.audit = audit;
    this.clock = clock;
  }

  /** Adds an account; names are unique and made of letters, digits, space, '.', '_', '-'. */
  public ClientAccount add(Principal actor, String name, ClientKind kind) {
    String trimmed = name == null ? "" : name.strip();
    if (!NAME.matcher(trimmed).matches()) {
      String message =
          "a client name is 1 to 128 characters: letters, digits, space, '.', '_' or '-'";
      throw new InvalidInputException(message, List.of(new FieldProblem("name", message)));
    }
    if (kind == null) {
      throw new InvalidInputException(
          "a client kind is required", List.of(new FieldProblem("kind", "required")));
    }
    ClientAccount account =
        new ClientAccount(UUID.randomUUID(), trimmed, kind, false, Rows.now(clock));
    jdbi.useTransaction(
        handle -> {
          boolean inserted =
              Rows.unlessDuplicate(
                  () ->
                      handle.execute(
                          "insert into client_account (" + COLUMNS + ") values (?, ?, ?, ?, ?)",
                          account.id(),
                          account.name(),
                          kind.id(),
                          false,
                          Rows.at(account.createdAt())));
          if (!inserted) {
            throw new ConflictException("a client account with that name already exists");
          }
          audit.record(
              handle,
              actor,
              "client.created",
              "client-account",
              account.id().toString(),
              "ok",
              kind.id());
        });
    return account;
  }

  public List<ClientAccount> list() {
    return jdbi.withHandle(
        handle ->
            handle
                .select("select " + COLUMNS + " from client_account order by name")
                .map(ClientAccounts::account)
                .list());
  }

  public Optional<ClientAccount> find(UUID id) {
    return jdbi.withHandle(
        handle ->
            handle
                .select("select " + COLUMNS + " from client_account where id = ?", id)
                .map(ClientAccounts::account)
                .findOne());
  }

  public Optional<ClientAccount> findByName(String name) {
    return jdbi.withHandle(
        handle ->
            handle
                .select(
                    "select " + COLUMNS + " from client_account where name = ?",
                    name == null ? "" : name.strip())
                .map(ClientAccounts::account)
                .findOne());
  }

  public ClientAccount disable(Principal actor, UUID id) {
    find(id).orElseThrow(() -> new NotFoundException("no such client account"));
    jdbi.useTransaction(
        handle -> {
          handle.execute("update client_account set disabled = true where id = ?", id);
          generations.bump(handle, ApiTokenStore.CREDENTIALS);
          audit.record(handle, actor, "client.disabled", "client-account", id.toString());
        });
    return find(id).orElseThrow();
  }

  private static ClientAccount account(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ClientAccount(
        Rows.uuid(rs, "id"),
        rs.getString("name"),
        ClientKind.fromId(rs.getString("kind")).orElseThrow(),
        rs.getBoolean("disabled"),
        Rows.instant(rs, "created_at"));
  }
}
