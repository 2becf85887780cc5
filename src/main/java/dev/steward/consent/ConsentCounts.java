package dev.steward.consent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * How many consents per purpose are in each state now, for the console: per consent and purpose,
 * the latest event decides, as for decisions ({@link PartyState}). Counts only: no subject, device
 * or evidence leaves this class. Reads the whole ledger in one pass, streamed.
 */
public final class ConsentCounts {
  private final Jdbi jdbi;

  public ConsentCounts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * One purpose's consents by state.
   *
   * @param given live now (given or given again, not expired)
   * @param pending given by email, waiting for the person's confirmation (double opt-in)
   * @param expired given, and past its expiry, or ended by an {@code expired} event
   */
  public record PurposeCount(
      String purpose, long given, long withdrawn, long pending, long refused, long expired) {}

  /** Per purpose, sorted by purpose id; a purpose no consent names is absent. */
  public List<PurposeCount> perPurpose(Instant now) {
    // (consent id, purpose) -> latest event's kind and expiry
    Map<String, Object[]> latest = new HashMap<>();
    jdbi.useHandle(
        handle ->
            handle
                .createQuery(
                    "select consent_id, purposes, kind, expires_at from consent_event"
                        + " order by occurred_at, recorded_at, id")
                .setFetchSize(1000)
                .map(
                    (rs, ctx) -> {
                      OffsetDateTime expires = rs.getObject(4, OffsetDateTime.class);
                      return new Object[] {
                        rs.getString(1),
                        rs.getString(2),
                        ConsentEvent.Kind.of(rs.getString(3)),
                        expires == null ? null : expires.toInstant()
                      };
                    })
                .forEach(
                    row -> {
                      for (String purpose : ConsentRows.split((String) row[1])) {
                        latest.put(row[0] + "|" + purpose, new Object[] {row[2], row[3]});
                      }
                    }));
    Map<String, long[]> counts = new TreeMap<>();
    latest.forEach(
        (key, value) -> {
          String purpose = key.substring(key.indexOf('|') + 1);
          long[] c = counts.computeIfAbsent(purpose, p -> new long[5]);
          ConsentEvent.Kind kind = (ConsentEvent.Kind) value[0];
          Instant expires = (Instant) value[1];
          int slot =
              switch (kind) {
                case GIVEN, RECONSENTED -> expires == null || now.isBefore(expires) ? 0 : 4;
                case WITHDRAWN -> 1;
                case PENDING -> 2;
                case REFUSED -> 3;
                case EXPIRED -> 4;
              };
          c[slot]++;
        });
    return counts.entrySet().stream()
        .map(
            e -> {
              long[] c = e.getValue();
              return new PurposeCount(e.getKey(), c[0], c[1], c[2], c[3], c[4]);
            })
        .toList();
  }
}
