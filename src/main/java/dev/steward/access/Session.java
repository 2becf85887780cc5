package dev.steward.access;

import dev.steward.principal.Permission;
import dev.steward.principal.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What a successful sign-in returns: a bearer token (shown once) and what it may do. While {@code
 * mustChangePassword} holds, the session carries only {@code tokens:manage}: enough to change the
 * password and sign out.
 */
public record Session(
    String token,
    UUID tokenId,
    Instant expiresAt,
    UUID userId,
    Role role,
    Set<Permission> scopes,
    boolean mustChangePassword) {
  public Session {
    scopes = Set.copyOf(scopes);
  }

  @Override
  public String toString() {
    return "Session[tokenId=" + tokenId + ", userId=" + userId + ", expiresAt=" + expiresAt + "]";
  }
}
