package dev.steward.app;

import dev.steward.request.RequestState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The gauges a privacy team watches on {@code /metrics}: open requests by state, overdue requests,
 * the outbox's backlog, failed fulfilment tasks and the age of the audit chain's head. Each scrape
 * reads them with a few indexed counts in one transaction, at most once per {@link #FRESH} however
 * often it is scraped: several Prometheus servers, or a dashboard's refresh, cost no more. Counts
 * only, never a row's content. Thread-safe.
 *
 * <p>The counts read other features' tables directly: they are the wiring's view over the whole
 * store, like a dashboard, and change nothing.
 */
final class BusinessGauges {
  static final Duration FRESH = Duration.ofSeconds(5);

  private final Jdbi jdbi;
  private final Clock clock;
  private Snapshot snapshot;

  private BusinessGauges(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Registers the gauges on {@code meters}; they read the store when scraped. */
  static BusinessGauges register(Jdbi jdbi, Clock clock, MeterRegistry meters) {
    BusinessGauges gauges = new BusinessGauges(jdbi, clock);
    // Each gauge holds the counts strongly: Micrometer keeps a weak reference by default, and
    // the node keeps none, so after a garbage collection every gauge would read NaN.
    for (RequestState state : RequestState.values()) {
      if (state.isOpen()) {
        Gauge.builder("steward.requests.open", gauges, g -> g.current().open(state))
            .description("Open rights requests, by state")
            .tag("state", code(state))
            .strongReference(true)
            .register(meters);
      }
    }
    Gauge.builder("steward.requests.overdue", gauges, g -> g.current().overdue())
        .description("Open rights requests past their due date")
        .strongReference(true)
        .register(meters);
    Gauge.builder("steward.outbox.backlog", gauges, g -> g.current().outboxPending())
        .description("Letters in the outbox not yet sent")
        .strongReference(true)
        .register(meters);
    Gauge.builder("steward.fulfilment.tasks.failed", gauges, g -> g.current().failedTasks())
        .description("Fulfilment tasks that failed after their retries and wait for staff")
        .strongReference(true)
        .register(meters);
    Gauge.builder("steward.audit.head.age", gauges, g -> g.current().auditHeadAgeSeconds())
        .description("Seconds since the audit chain's last entry; NaN while the chain is empty")
        .baseUnit("seconds")
        .strongReference(true)
        .register(meters);
    return gauges;
  }

  /** The counts, read again when older than {@link #FRESH}. */
  synchronized Snapshot current() {
    Instant now = clock.instant();
    if (snapshot == null || !now.isBefore(snapshot.readAt().plus(FRESH))) {
      snapshot = jdbi.inTransaction(handle -> read(handle, now));
    }
    return snapshot;
  }

  private static Snapshot read(Handle handle, Instant now) {
    Map<RequestState, Long> open = new EnumMap<>(RequestState.class);
    handle
        .createQuery(
            "select state, count(*) as n from rights_request"
                + " where state not in ('completed', 'denied', 'withdrawn') group by state")
        .map(
            (rs, ctx) -> {
              String state = rs.getString("state").toUpperCase(Locale.ROOT);
              open.merge(RequestState.valueOf(state), rs.getLong("n"), Long::sum);
              return state;
            })
        .list();
    long overdue =
        handle
            .createQuery(
                "select count(*) from rights_request"
                    + " where state not in ('completed', 'denied', 'withdrawn') and due_at < :now")
            .bind("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
            .mapTo(Long.class)
            .one();
    long outbox =
        handle
            .createQuery("select count(*) from mail_outbox where status = 'pending'")
            .mapTo(Long.class)
            .one();
    long failed =
        handle
            .createQuery("select count(*) from fulfilment_task where status = 'failed'")
            .mapTo(Long.class)
            .one();
    double headAge =
        handle
            .createQuery(
                "select e.at from audit_head h join audit_entry e on e.seq = h.seq where h.id = 1")
            .mapTo(OffsetDateTime.class)
            .findOne()
            .map(at -> Duration.between(at.toInstant(), now).toMillis() / 1000.0)
            .orElse(Double.NaN);
    return new Snapshot(now, open, overdue, outbox, failed, headAge);
  }

  private static String code(RequestState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  record Snapshot(
      Instant readAt,
      Map<RequestState, Long> openByState,
      long overdue,
      long outboxPending,
      long failedTasks,
      double auditHeadAgeSeconds) {
    double open(RequestState state) {
      return openByState.getOrDefault(state, 0L);
    }
  }
}
