package dev.steward.audit;

import com.google.crypto.tink.PublicKeySign;
import dev.steward.keys.KeyName;
import dev.steward.keys.Keys;
import dev.steward.store.Database;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The chain's head, signed and kept in the keyring's database, apart from the data store: whoever
 * can rewrite the data store alone can cut entries from the end of the chain and rewind its head
 * row, leaving a chain consistent in itself, but cannot move this witness back. The audit writer
 * records the head after each committed batch, before the appends are acknowledged, and at a clean
 * shutdown; {@link AuditVerifier} holds the chain to it. The row only moves forward, so nodes
 * sharing a keyring may record concurrently. Thread-safe.
 */
public final class AuditWitness {
  private static final String COLUMNS = "seq, hash, signed_at, key_id, signature";

  private final Jdbi keyring;
  private final Clock clock;
  // Built once: a Tink signer derives its public key when it is made, which costs as much as a
  // signature, and the head is signed after every batch.
  private final PublicKeySign signer;
  private final String fingerprint;

  public AuditWitness(Database keyring, Keys keys, Clock clock) {
    this.keyring = keyring.jdbi();
    this.clock = clock;
    this.signer = keys.signer(KeyName.AUDIT_SIGNING);
    this.fingerprint = keys.fingerprint(KeyName.AUDIT_SIGNING);
  }

  /** Records that the chain has reached {@code seq} with {@code hash}, unless it is behind. */
  void record(long seq, String hash) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditCheckpoint unsigned = new AuditCheckpoint(seq, hash, now, fingerprint, "");
    String signature = sign(unsigned);
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    keyring.useTransaction(
        handle -> {
          int moved =
              handle.execute(
                  "update audit_witness set seq = ?, hash = ?, signed_at = ?, key_id = ?,"
                      + " signature = ? where id = 1 and seq < ?",
                  seq,
                  hash,
                  at,
                  fingerprint,
                  signature,
                  seq);
          boolean exists =
              moved == 1
                  || handle
                          .select("select count(*) from audit_witness where id = 1")
                          .mapTo(Integer.class)
                          .one()
                      > 0;
          if (!exists) {
            handle.execute(
                "insert into audit_witness (id, " + COLUMNS + ") values (1, ?, ?, ?, ?, ?)",
                seq,
                hash,
                at,
                fingerprint,
                signature);
          }
        });
  }

  /** The head last witnessed; empty before the first append. */
  public Optional<AuditCheckpoint> read() {
    return keyring.withHandle(
        h ->
            h.select("select " + COLUMNS + " from audit_witness where id = 1")
                .map(
                    (rs, ctx) ->
                        new AuditCheckpoint(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getString(4),
                            rs.getString(5)))
                .findOne());
  }

  private String sign(AuditCheckpoint checkpoint) {
    try {
      byte[] signature = signer.sign(checkpoint.signedBytes());
      return Base64.getEncoder().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the audit-signing key cannot sign", e);
    }
  }
}
