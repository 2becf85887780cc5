package dev.steward.audit;

import dev.steward.keys.KeyName;
import dev.steward.keys.Keys;
import dev.steward.store.Database;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Signed checkpoints of the chain's head, kept in {@code audit_checkpoint} and exportable as JSON
 * lines. A checkpoint held outside the database lets verification notice a truncated tail: entries
 * deleted from the end with the head row rewound still leave a valid-looking chain, but not one
 * that reaches a signed checkpoint. Thread-safe; several nodes may checkpoint at once.
 */
public final class AuditCheckpoints {
  private static final String COLUMNS = "seq, hash, signed_at, key_id, signature";

  private final Jdbi jdbi;
  private final Keys keys;
  private final Clock clock;

  public AuditCheckpoints(Database database, Keys keys, Clock clock) {
    this.jdbi = database.jdbi();
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Signs and stores the current head, or returns the checkpoint already covering it; empty on an
   * empty chain.
   */
  public Optional<AuditCheckpoint> checkpoint() {
    record Head(long seq, String hash) {}
    Head head =
        jdbi.withHandle(
            h ->
                h.select("select seq, hash from audit_head where id = 1")
                    .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2)))
                    .one());
    if (head.seq() == 0) {
      return Optional.empty();
    }
    Optional<AuditCheckpoint> existing = find(head.seq());
    if (existing.isPresent()) {
      return existing;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String fingerprint = keys.fingerprint(KeyName.AUDIT_SIGNING);
    AuditCheckpoint unsigned = new AuditCheckpoint(head.seq(), head.hash(), now, fingerprint, "");
    AuditCheckpoint checkpoint =
        new AuditCheckpoint(head.seq(), head.hash(), now, fingerprint, sign(unsigned));
    try {
      jdbi.useHandle(
          h ->
              h.execute(
                  "insert into audit_checkpoint (" + COLUMNS + ") values (?, ?, ?, ?, ?)",
                  checkpoint.seq(),
                  checkpoint.hash(),
                  OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                  checkpoint.keyFingerprint(),
                  checkpoint.signature()));
      return Optional.of(checkpoint);
    } catch (StatementException e) {
      // Another node checkpointed the same head first; its checkpoint is as good.
      return Optional.of(find(head.seq()).orElseThrow(() -> e));
    }
  }

  /** Every stored checkpoint, oldest first. */
  public List<AuditCheckpoint> stored() {
    return jdbi.withHandle(
        h ->
            h.select("select " + COLUMNS + " from audit_checkpoint order by seq")
                .map((rs, ctx) -> row(rs))
                .list());
  }

  /**
   * Writes every stored checkpoint to {@code out} as JSON lines, replacing it; returns how many.
   */
  public int export(Path out) {
    List<AuditCheckpoint> checkpoints = stored();
    CheckpointFile.write(out, checkpoints);
    return checkpoints.size();
  }

  /** Reads checkpoints exported by {@link #export}; a malformed line is refused with its number. */
  public static List<AuditCheckpoint> read(Path file) {
    return CheckpointFile.read(file);
  }

  /** Why this checkpoint cannot be trusted, or null when its signature is valid under our key. */
  String problemWith(AuditCheckpoint checkpoint) {
    String ours = keys.fingerprint(KeyName.AUDIT_SIGNING);
    if (!ours.equals(checkpoint.keyFingerprint())) {
      return "its checkpoint was signed by another key (fingerprint "
          + checkpoint.keyFingerprint()
          + ")";
    }
    try {
      keys.verifier(KeyName.AUDIT_SIGNING)
          .verify(Base64.getDecoder().decode(checkpoint.signature()), checkpoint.signedBytes());
      return null;
    } catch (GeneralSecurityException | RuntimeException e) {
      return "its signed checkpoint does not verify (checkpoint changed or forged)";
    }
  }

  private Optional<AuditCheckpoint> find(long seq) {
    return jdbi.withHandle(
        h ->
            h.select("select " + COLUMNS + " from audit_checkpoint where seq = ?", seq)
                .map((rs, ctx) -> row(rs))
                .findOne());
  }

  private String sign(AuditCheckpoint checkpoint) {
    try {
      byte[] signature = keys.signer(KeyName.AUDIT_SIGNING).sign(checkpoint.signedBytes());
      return Base64.getEncoder().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the audit-signing key cannot sign", e);
    }
  }

  private static AuditCheckpoint row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new AuditCheckpoint(
        rs.getLong(1),
        rs.getString(2),
        rs.getObject(3, OffsetDateTime.class).toInstant(),
        rs.getString(4),
        rs.getString(5));
  }
}
