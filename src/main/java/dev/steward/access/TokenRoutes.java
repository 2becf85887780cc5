package dev.steward.access;

import dev.steward.access.AccessApi.CreatedToken;
import dev.steward.access.AccessApi.NewTokenRequest;
import dev.steward.access.AccessApi.TokenList;
import dev.steward.access.AccessApi.TokenView;
import dev.steward.error.ForbiddenException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.RouteRegistry;
import java.time.Duration;

/** A caller's own tokens; client accounts' tokens for those who manage clients. */
final class TokenRoutes {
  private final ApiTokens tokens;

  TokenRoutes(ApiTokens tokens) {
    this.tokens = tokens;
  }

  void addTo(RouteRegistry registry) {
    Access manage = Access.requires(Permission.TOKENS_MANAGE);
    registry.add(
        ApiRoute.get("/api/v1/tokens")
            .access(manage)
            .tag("tokens")
            .summary("List the caller's own tokens and sessions, without secrets")
            .response(TokenList.class)
            .handle(
                (ctx, caller) ->
                    ctx.json(
                        new TokenList(
                            tokens.listFor(ownerOf(caller)).stream()
                                .map(AccessApi::view)
                                .toList()))));
    registry.add(
        ApiRoute.post("/api/v1/tokens")
            .access(manage)
            .tag("tokens")
            .summary(
                "Create a token for the caller, or with clients:manage for a client account;"
                    + " the secret is answered once")
            .request(NewTokenRequest.class)
            .example("{\"name\":\"ci-pipeline\",\"scopes\":[\"policy:read\"],\"expiresInDays\":30}")
            .response(CreatedToken.class)
            .status(201)
            .handle(
                (ctx, caller) -> {
                  NewTokenRequest body = Json.read(ctx, NewTokenRequest.class);
                  TokenOwner owner =
                      body.clientId() == null
                          ? ownerOf(caller)
                          : TokenOwner.client(body.clientId());
                  IssuedToken issued =
                      tokens.create(
                          caller,
                          owner,
                          body.name(),
                          body.scopes(),
                          Duration.ofDays(body.expiresInDays()));
                  ctx.status(201)
                      .json(new CreatedToken(AccessApi.view(issued.token()), issued.secret()));
                }));
    registry.add(
        ApiRoute.delete("/api/v1/tokens/{id}")
            .access(manage)
            .tag("tokens")
            .summary("Revoke a token: one's own, or any with users:manage")
            .response(TokenView.class)
            .handle(
                (ctx, caller) ->
                    ctx.json(
                        AccessApi.view(tokens.revoke(caller, AccessApi.id(ctx.pathParam("id")))))));
  }

  private static TokenOwner ownerOf(Principal caller) {
    if (caller instanceof Principal.Staff staff) {
      return TokenOwner.staff(staff.userId());
    }
    if (caller instanceof Principal.Client client) {
      return TokenOwner.client(client.accountId());
    }
    throw new ForbiddenException("only staff users and client accounts hold tokens");
  }
}
