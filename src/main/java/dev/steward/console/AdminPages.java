package dev.steward.console;

import dev.steward.access.AddedStaffUser;
import dev.steward.access.ApiToken;
import dev.steward.access.ApiTokens;
import dev.steward.access.ClientAccount;
import dev.steward.access.ClientAccounts;
import dev.steward.access.IssuedToken;
import dev.steward.access.NewStaffUser;
import dev.steward.access.StaffUser;
import dev.steward.access.StaffUsers;
import dev.steward.access.TokenOwner;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.NotFoundException;
import dev.steward.principal.ClientKind;
import dev.steward.principal.Permission;
import dev.steward.principal.Role;
import dev.steward.web.Access;
import dev.steward.web.FormErrors;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.RouteRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Administration, for admins only: staff users and their roles, the API tokens, and the client
 * accounts, through the same {@link StaffUsers}, {@link ApiTokens} and {@link ClientAccounts} as
 * {@code /api/v1/users}, {@code /api/v1/tokens} and {@code /api/v1/clients}. A new user's one-time
 * password, and a new token's secret, are shown once, on the page the form returns, and never put
 * in an address.
 */
public final class AdminPages {
  static final String PATH = "/console/admin";
  private static final Access USERS = Access.requires(Permission.USERS_MANAGE);
  private static final Access CLIENTS = Access.requires(Permission.CLIENTS_MANAGE);

  private final StaffUsers users;
  private final ApiTokens tokens;
  private final ClientAccounts clients;

  public AdminPages(StaffUsers users, ApiTokens tokens, ClientAccounts clients) {
    this.users = users;
    this.tokens = tokens;
    this.clients = clients;
  }

  public void addTo(RouteRegistry registry) {
    registry.addPage(PageRoute.get(PATH, USERS, page -> show(page, 200, null, FormErrors.none())));
    registry.addPage(PageRoute.post(PATH + "/users", USERS, this::addUser));
    registry.addPage(
        PageRoute.post(
            PATH + "/users/{id}/disable",
            USERS,
            page -> {
              users.disable(page.caller(), id(page));
              page.redirect(PATH + "?done=userDisabled");
            }));
    registry.addPage(PageRoute.post(PATH + "/tokens", USERS, this::createToken));
    registry.addPage(
        PageRoute.post(
            PATH + "/tokens/{id}/revoke",
            USERS,
            page -> {
              tokens.revoke(page.caller(), id(page));
              page.redirect(PATH + "?done=tokenRevoked");
            }));
    registry.addPage(PageRoute.post(PATH + "/clients", CLIENTS, this::addClient));
    registry.addPage(
        PageRoute.post(
            PATH + "/clients/{id}/disable",
            CLIENTS,
            page -> {
              clients.disable(page.caller(), id(page));
              page.redirect(PATH + "?done=clientDisabled");
            }));
  }

  private void addUser(PageCall page) {
    try {
      Role role =
          Role.fromId(page.form("role"))
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "choose a role", List.of(new FieldProblem("role", "not a role"))));
      String name = page.form("displayName");
      AddedStaffUser added =
          users.add(
              page.caller(),
              new NewStaffUser(
                  page.form("username"),
                  role,
                  name.isEmpty() ? Optional.empty() : Optional.of(name),
                  Optional.empty()));
      show(page, 200, added, FormErrors.none());
    } catch (InvalidInputException e) {
      show(page, 400, null, FormErrors.from(e, page.text(), "console.admin"));
    }
  }

  /**
   * Creates a token for a staff user or a client account through {@link ApiTokens#create}, as
   * {@code steward tokens create} does; the secret is shown once, on the page this answers.
   */
  private void createToken(PageCall page) {
    try {
      TokenOwner owner = owner(page.form("tokenOwner"));
      String days = page.form("tokenExpiresIn");
      Duration lifetime;
      try {
        lifetime = Duration.ofDays(Long.parseLong(days.strip()));
      } catch (NumberFormatException e) {
        lifetime = null;
      }
      IssuedToken issued =
          tokens.create(
              page.caller(), owner, page.form("tokenName"), page.formAll("tokenScopes"), lifetime);
      render(page, 200, null, issued, FormErrors.none());
    } catch (InvalidInputException e) {
      // The service names its fields as the API does; the form's fields carry a prefix.
      InvalidInputException renamed =
          new InvalidInputException(
              e.getMessage(),
              e.problems().stream()
                  .map(
                      p ->
                          new FieldProblem(
                              "token"
                                  + Character.toUpperCase(p.field().charAt(0))
                                  + p.field().substring(1),
                              p.message()))
                  .toList());
      render(page, 400, null, null, FormErrors.from(renamed, page.text(), "console.admin"));
    }
  }

  /** {@code staff:<id>} or {@code client:<id>}, as the form's options carry them. */
  private static TokenOwner owner(String value) {
    InvalidInputException refused =
        new InvalidInputException(
            "choose an owner", List.of(new FieldProblem("owner", "not a user or client account")));
    int colon = value.indexOf(':');
    if (colon < 0) {
      throw refused;
    }
    try {
      UUID id = UUID.fromString(value.substring(colon + 1));
      return switch (value.substring(0, colon)) {
        case "staff" -> TokenOwner.staff(id);
        case "client" -> TokenOwner.client(id);
        default -> throw refused;
      };
    } catch (IllegalArgumentException e) {
      throw refused;
    }
  }

  private void addClient(PageCall page) {
    try {
      ClientKind kind =
          Arrays.stream(ClientKind.values())
              .filter(k -> k.name().toLowerCase(Locale.ROOT).equals(page.form("kind")))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "choose a kind", List.of(new FieldProblem("kind", "not a kind"))));
      clients.add(page.caller(), page.form("name"), kind);
      page.redirect(PATH + "?done=clientAdded");
    } catch (InvalidInputException e) {
      show(page, 400, null, FormErrors.from(e, page.text(), "console.admin"));
    }
  }

  private void show(PageCall page, int status, AddedStaffUser added, FormErrors errors) {
    render(page, status, added, null, errors);
  }

  private void render(
      PageCall page, int status, AddedStaffUser added, IssuedToken issued, FormErrors errors) {
    page.render(
        status,
        "console/admin.jte",
        new AdminView(
            ConsoleNav.of(page.caller(), "admin"),
            users.list(),
            List.of(Role.values()),
            tokens.list(),
            page.caller().has(Permission.CLIENTS_MANAGE) ? clients.list() : List.of(),
            page.caller().has(Permission.CLIENTS_MANAGE),
            Arrays.stream(ClientKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList(),
            added,
            issued,
            List.copyOf(java.util.EnumSet.allOf(Permission.class)),
            page.query("done"),
            errors));
  }

  private static UUID id(PageCall page) {
    try {
      return UUID.fromString(page.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no " + page.pathParam("id"));
    }
  }

  /**
   * @param added the user just added, with the one-time password to hand over; null otherwise
   * @param issued the token just created, with its secret to copy now; null otherwise
   * @param scopes every scope a token may carry, for the creation form
   */
  public record AdminView(
      ConsoleNav nav,
      List<StaffUser> users,
      List<Role> roles,
      List<ApiToken> tokens,
      List<ClientAccount> clients,
      boolean manageClients,
      List<String> clientKinds,
      AddedStaffUser added,
      IssuedToken issued,
      List<Permission> scopes,
      String done,
      FormErrors errors) {}
}
