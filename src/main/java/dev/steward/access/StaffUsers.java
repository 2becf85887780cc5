package dev.steward.access;

import dev.steward.audit.AuditTrail;
import dev.steward.error.ConflictException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Principal;
import dev.steward.principal.Role;
import dev.steward.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Staff accounts: add, list, find, disable, change password, and the first administrator of an
 * empty store. Every change is audited. Stateless and thread-safe; several nodes may share the
 * store.
 */
public final class StaffUsers {
  private final Jdbi jdbi;
  private final StaffUserStore store;
  private final PasswordHasher hasher;
  private final AuditTrail audit;
  private final Clock clock;

  public StaffUsers(Database database, PasswordHasher hasher, AuditTrail audit, Clock clock) {
    this.jdbi = database.jdbi();
    this.store = new StaffUserStore(database);
    this.hasher = hasher;
    this.audit = audit;
    this.clock = clock;
  }

  /** Adds a user; the user name is lower-cased and must be free. */
  public AddedStaffUser add(Principal actor, NewStaffUser request) {
    String username = Credentials.normalize(request.username());
    if (!Credentials.isValidUsername(username)) {
      throw invalid(
          "username",
          "a user name is 2 to 64 characters: a letter, then letters, digits, '.', '_' or '-'");
    }
    if (request.role() == null) {
      throw invalid("role", "a role is required");
    }
    String displayName = request.displayName().map(String::strip).orElse(username);
    if (displayName.isEmpty() || displayName.length() > 200) {
      throw invalid("displayName", "a display name is 1 to 200 characters");
    }
    Optional<String> oneTimePassword =
        request.password().isPresent() ? Optional.empty() : Optional.of(Secrets.newPassword());
    String password = request.password().orElseGet(oneTimePassword::get);
    requireAcceptable(password, "password");
    StaffUser user =
        new StaffUser(
            UUID.randomUUID(),
            username,
            displayName,
            request.role(),
            oneTimePassword.isPresent(),
            false,
            Rows.now(clock));
    String hash = hasher.hash(password);
    jdbi.useTransaction(
        handle -> {
          if (!StaffUserStore.insert(handle, user, hash)) {
            throw new ConflictException("a user with that name already exists");
          }
          audit.record(
              handle,
              actor,
              "user.created",
              "staff-user",
              user.id().toString(),
              "ok",
              user.role().id());
        });
    return new AddedStaffUser(user, oneTimePassword);
  }

  /**
   * On an empty store, creates {@code admin} with a one-time password and returns it, for the
   * caller to print once to the console. Empty when any user exists, including when another node
   * created the first administrator at the same moment.
   */
  public Optional<String> ensureFirstAdmin() {
    if (store.count() > 0) {
      return Optional.empty();
    }
    String password = Secrets.newPassword();
    StaffUser admin =
        new StaffUser(
            UUID.randomUUID(), "admin", "Administrator", Role.ADMIN, true, false, Rows.now(clock));
    String hash = hasher.hash(password);
    boolean created =
        jdbi.inTransaction(
            handle -> {
              if (!StaffUserStore.insert(handle, admin, hash)) {
                return false;
              }
              audit.record(
                  handle,
                  new Principal.System("start-up"),
                  "user.created",
                  "staff-user",
                  admin.id().toString(),
                  "ok",
                  "first-admin");
              return true;
            });
    return created ? Optional.of(password) : Optional.empty();
  }

  public List<StaffUser> list() {
    return store.list();
  }

  public Optional<StaffUser> find(UUID id) {
    return store.find(id);
  }

  public Optional<StaffUser> findByUsername(String username) {
    return store.findByUsername(Credentials.normalize(username));
  }

  /**
   * Disables the account. Its tokens stop working at once on this node and within {@link
   * dev.steward.store.Generations#MAX_AGE} on the others, as authentication checks the owner.
   */
  public StaffUser disable(Principal actor, UUID id) {
    StaffUser user = find(id).orElseThrow(() -> new NotFoundException("no such user"));
    if (actor instanceof Principal.Staff staff && staff.userId().equals(id)) {
      throw new ConflictException("a user cannot disable their own account");
    }
    jdbi.useTransaction(
        handle -> {
          store.disable(handle, id);
          audit.record(handle, actor, "user.disabled", "staff-user", id.toString());
        });
    return find(id).orElse(user);
  }

  /** Sets a password the user chose, which clears the must-change flag. */
  public void changePassword(Principal actor, UUID id, String newPassword) {
    changePassword(actor, id, newPassword, handle -> {});
  }

  /**
   * Sets a password the user chose, which clears the must-change flag; {@code alsoInTransaction}
   * runs in the same transaction (ending the user's sessions, say).
   */
  void changePassword(
      Principal actor, UUID id, String newPassword, Consumer<Handle> alsoInTransaction) {
    find(id).orElseThrow(() -> new NotFoundException("no such user"));
    requireAcceptable(newPassword, "newPassword");
    String hash = hasher.hash(newPassword);
    jdbi.useTransaction(
        handle -> {
          StaffUserStore.setPassword(handle, id, hash, false);
          alsoInTransaction.accept(handle);
          audit.record(handle, actor, "user.password-changed", "staff-user", id.toString());
        });
  }

  private static void requireAcceptable(String password, String field) {
    if (!Credentials.isAcceptablePassword(password)) {
      throw invalid(
          field,
          "a password is "
              + Credentials.MIN_PASSWORD
              + " to "
              + Credentials.MAX_PASSWORD
              + " characters");
    }
  }

  private static InvalidInputException invalid(String field, String message) {
    return new InvalidInputException(message, List.of(new FieldProblem(field, message)));
  }
}
