package dev.steward.keys;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

/** The {@code key_fingerprint} table: which keys this store was set up with. */
final class KeyFingerprints {
  private final Jdbi jdbi;

  KeyFingerprints(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  Optional<String> find(KeyName name) {
    return jdbi.withHandle(
        handle ->
            handle
                .select("select fingerprint from key_fingerprint where name = ?", name.id())
                .mapTo(String.class)
                .findOne());
  }

  /**
   * Records a fingerprint unless one is already there, and returns the one the store keeps: when
   * two nodes start on an empty store at once, the first to commit wins and the other sees it.
   */
  String recordIfAbsent(KeyName name, String fingerprint, Instant now) {
    try {
      jdbi.useHandle(
          handle ->
              handle.execute(
                  "insert into key_fingerprint (name, fingerprint, recorded_at) values (?, ?, ?)",
                  name.id(),
                  fingerprint,
                  OffsetDateTime.ofInstant(now, ZoneOffset.UTC)));
    } catch (StatementException e) {
      // Lost the race to another node: its fingerprint stands; anything else is a real failure.
      return find(name).orElseThrow(() -> e);
    }
    return fingerprint;
  }
}
