package dev.steward.access;

import dev.steward.principal.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * A staff account as other features see it; the password hash never leaves this package.
 *
 * @param mustChangePassword set for generated one-time passwords until the user picks their own
 */
public record StaffUser(
    UUID id,
    String username,
    String displayName,
    Role role,
    boolean mustChangePassword,
    boolean disabled,
    Instant createdAt) {}
