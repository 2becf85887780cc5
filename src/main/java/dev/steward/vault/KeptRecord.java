package dev.steward.vault;

import java.time.Instant;

/** A record an exemption keeps after its subject was erased, with its decrypted value. */
public record KeptRecord(RecordValue record, ExemptionGround ground, Instant expiresAt) {}
