package dev.steward.access;

import dev.steward.principal.Permission;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A token as listed: never its secret, which exists only in {@link IssuedToken} at creation.
 *
 * @param name {@value #SESSION} for the tokens sign-in issues
 * @param revokedAt null while not revoked
 * @param lastUsedAt null before first use; updated at most about once a minute
 */
public record ApiToken(
    UUID id,
    TokenOwner owner,
    String name,
    Set<Permission> scopes,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt,
    Instant lastUsedAt) {
  public static final String SESSION = "session";

  public ApiToken {
    scopes = Set.copyOf(scopes);
  }

  public boolean isActive(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
