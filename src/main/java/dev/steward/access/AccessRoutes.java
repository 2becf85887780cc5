package dev.steward.access;

import dev.steward.access.AccessApi.ClientList;
import dev.steward.access.AccessApi.ClientView;
import dev.steward.access.AccessApi.CreatedUser;
import dev.steward.access.AccessApi.NewClientRequest;
import dev.steward.access.AccessApi.NewUserRequest;
import dev.steward.access.AccessApi.UserList;
import dev.steward.access.AccessApi.UserView;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.RouteRegistry;
import java.util.Optional;

/**
 * The HTTP routes of staff access: sign-in and sign-out, users, client accounts and tokens. Paths
 * carry ids only. Handlers parse, call one service method and render.
 */
public final class AccessRoutes {
  private final StaffUsers users;
  private final ClientAccounts clients;
  private final ApiTokens tokens;
  private final SignIn signIn;

  public AccessRoutes(StaffUsers users, ClientAccounts clients, ApiTokens tokens, SignIn signIn) {
    this.users = users;
    this.clients = clients;
    this.tokens = tokens;
    this.signIn = signIn;
  }

  public void addTo(RouteRegistry registry) {
    new AuthRoutes(signIn).addTo(registry);
    addUserRoutes(registry);
    addClientRoutes(registry);
    new TokenRoutes(tokens).addTo(registry);
  }

  private void addUserRoutes(RouteRegistry registry) {
    Access manage = Access.requires(Permission.USERS_MANAGE);
    registry.add(
        ApiRoute.get("/api/v1/users")
            .access(manage)
            .tag("users")
            .summary("List staff users")
            .response(UserList.class)
            .handle(
                (ctx, caller) ->
                    ctx.json(new UserList(users.list().stream().map(AccessApi::view).toList()))));
    registry.add(
        ApiRoute.post("/api/v1/users")
            .access(manage)
            .tag("users")
            .summary("Add a staff user; without a password a one-time password is answered once")
            .request(NewUserRequest.class)
            .example("{\"username\":\"dana\",\"role\":\"agent\",\"displayName\":\"Dana Example\"}")
            .response(CreatedUser.class)
            .status(201)
            .handle(
                (ctx, caller) -> {
                  NewUserRequest body = Json.read(ctx, NewUserRequest.class);
                  AddedStaffUser added =
                      users.add(
                          caller,
                          new NewStaffUser(
                              body.username(),
                              AccessApi.role(body.role()),
                              Optional.ofNullable(body.displayName()),
                              Optional.ofNullable(body.password())));
                  ctx.status(201)
                      .json(
                          new CreatedUser(
                              AccessApi.view(added.user()), added.oneTimePassword().orElse(null)));
                }));
    registry.add(
        ApiRoute.post("/api/v1/users/{id}/disable")
            .access(manage)
            .tag("users")
            .summary("Disable a staff user; their tokens and sessions stop working at once")
            .response(UserView.class)
            .handle(
                (ctx, caller) ->
                    ctx.json(
                        AccessApi.view(users.disable(caller, AccessApi.id(ctx.pathParam("id")))))));
  }

  private void addClientRoutes(RouteRegistry registry) {
    Access manage = Access.requires(Permission.CLIENTS_MANAGE);
    registry.add(
        ApiRoute.get("/api/v1/clients")
            .access(manage)
            .tag("clients")
            .summary("List client accounts")
            .response(ClientList.class)
            .handle(
                (ctx, caller) ->
                    ctx.json(
                        new ClientList(clients.list().stream().map(AccessApi::view).toList()))));
    registry.add(
        ApiRoute.post("/api/v1/clients")
            .access(manage)
            .tag("clients")
            .summary("Add a client account of a kind that bounds its tokens' scopes")
            .request(NewClientRequest.class)
            .example("{\"name\":\"Media Example Ltd\",\"kind\":\"business-customer\"}")
            .response(ClientView.class)
            .status(201)
            .handle(
                (ctx, caller) -> {
                  NewClientRequest body = Json.read(ctx, NewClientRequest.class);
                  ClientAccount account =
                      clients.add(caller, body.name(), AccessApi.kind(body.kind()));
                  ctx.status(201).json(AccessApi.view(account));
                }));
    registry.add(
        ApiRoute.post("/api/v1/clients/{id}/disable")
            .access(manage)
            .tag("clients")
            .summary("Disable a client account; its tokens stop working at once")
            .response(ClientView.class)
            .handle(
                (ctx, caller) ->
                    ctx.json(
                        AccessApi.view(
                            clients.disable(caller, AccessApi.id(ctx.pathParam("id")))))));
  }
}
