package dev.steward.access;

import dev.steward.principal.ClientKind;
import java.time.Instant;
import java.util.UUID;

/** A business customer, integrating system or OpenDSR peer that calls Steward with tokens. */
public record ClientAccount(
    UUID id, String name, ClientKind kind, boolean disabled, Instant createdAt) {}
