package dev.steward.access;

import dev.steward.error.ForbiddenException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import java.util.Set;

/**
 * Who may create and revoke whose tokens. The operator's CLI ({@link Principal.System}) may do
 * anything; a caller never mints a token for itself with more than it holds right now, so a
 * narrowly scoped token cannot be traded for a wider one.
 */
final class TokenAuthority {
  private TokenAuthority() {}

  static void requireMayCreate(Principal actor, TokenOwner owner, Set<Permission> scopes) {
    if (actor instanceof Principal.System) {
      return;
    }
    if (owner.kind() == TokenOwner.Kind.CLIENT) {
      if (isOwner(actor, owner)) {
        requireHeld(actor, scopes);
        return;
      }
      if (!actor.has(Permission.CLIENTS_MANAGE)) {
        throw new ForbiddenException(
            "creating a client account's token needs the permission 'clients:manage'");
      }
      return;
    }
    if (!isOwner(actor, owner) && !actor.has(Permission.USERS_MANAGE)) {
      throw new ForbiddenException(
          "creating another user's token needs the permission 'users:manage'");
    }
    requireHeld(actor, scopes);
  }

  static boolean mayRevoke(Principal actor, TokenOwner owner) {
    return actor instanceof Principal.System
        || isOwner(actor, owner)
        || actor.has(Permission.USERS_MANAGE)
        || (owner.kind() == TokenOwner.Kind.CLIENT && actor.has(Permission.CLIENTS_MANAGE));
  }

  private static void requireHeld(Principal actor, Set<Permission> scopes) {
    for (Permission permission : scopes) {
      if (!actor.has(permission)) {
        throw new ForbiddenException(
            "a new token cannot have the scope '"
                + permission.scope()
                + "', which the calling credential does not hold");
      }
    }
  }

  private static boolean isOwner(Principal actor, TokenOwner owner) {
    if (actor instanceof Principal.Staff staff) {
      return owner.kind() == TokenOwner.Kind.STAFF && owner.id().equals(staff.userId());
    }
    if (actor instanceof Principal.Client client) {
      return owner.kind() == TokenOwner.Kind.CLIENT && owner.id().equals(client.accountId());
    }
    return false;
  }
}
