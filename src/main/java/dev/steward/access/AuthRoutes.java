package dev.steward.access;

import dev.steward.access.AccessApi.ChangePasswordRequest;
import dev.steward.access.AccessApi.SessionView;
import dev.steward.access.AccessApi.SignInRequest;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;

/** Sign-in, sign-out and changing one's own password. */
final class AuthRoutes {
  private static final String TAG = "auth";
  private final SignIn signIn;

  AuthRoutes(SignIn signIn) {
    this.signIn = signIn;
  }

  void addTo(RouteRegistry registry) {
    registry.add(
        ApiRoute.post("/api/v1/auth/sign-in")
            .access(Access.open(PublicKind.SIGN_IN))
            .tag(TAG)
            .summary("Sign in with user name and password; answers a session token valid 8 hours")
            .request(SignInRequest.class)
            .response(SessionView.class)
            .handle(
                (ctx, caller) -> {
                  SignInRequest body = Json.read(ctx, SignInRequest.class);
                  ctx.json(AccessApi.view(signIn.signIn(body.username(), body.password())));
                }));
    registry.add(
        ApiRoute.post("/api/v1/auth/sign-out")
            .access(Access.requires(Permission.TOKENS_MANAGE))
            .tag(TAG)
            .summary("Sign out: revokes the token this call is made with")
            .status(204)
            .handle(
                (ctx, caller) -> {
                  signIn.signOut(caller);
                  ctx.status(204);
                }));
    registry.add(
        ApiRoute.post("/api/v1/auth/password")
            .access(Access.requires(Permission.TOKENS_MANAGE))
            .tag(TAG)
            .summary("Change one's own password; ends all of one's sessions")
            .request(ChangePasswordRequest.class)
            .status(204)
            .handle(
                (ctx, caller) -> {
                  ChangePasswordRequest body = Json.read(ctx, ChangePasswordRequest.class);
                  signIn.changePassword(caller, body.currentPassword(), body.newPassword());
                  ctx.status(204);
                }));
  }
}
