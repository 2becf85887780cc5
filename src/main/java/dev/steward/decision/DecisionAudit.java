package dev.steward.decision;

import dev.steward.audit.AuditEvent;
import dev.steward.audit.AuditLog;
import dev.steward.principal.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Audits decisions at the rate they are made (PRODUCT.md C14): every deny in full, one entry each,
 * durable before the answer; and allows and denies counted per minute, system, purpose and outcome,
 * written as one {@code decision.count} entry per such group once its minute is over (every 10
 * seconds a flush writes the minutes that ended, and closing writes the rest). A process killed
 * loses at most the counts of its last minute, never a deny. Thread-safe; one per node.
 */
final class DecisionAudit implements AutoCloseable {
  private static final Principal COUNTER = new Principal.System("decisions");

  /** A count's group: the minute (since the epoch), system, purpose and outcome. */
  private record Key(long minute, String system, String purpose, boolean allowed) {}

  private final AuditLog audit;
  private final Clock clock;
  private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher;

  DecisionAudit(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "steward-decision-audit");
              thread.setDaemon(true);
              return thread;
            });
    flusher.scheduleWithFixedDelay(() -> flush(false), 10, 10, TimeUnit.SECONDS);
  }

  /** Counts one decision made at {@code now}, and appends an entry if it is a deny. */
  void record(Principal actor, DecisionQuery query, Decision decision, Instant now) {
    count(query, decision, now);
    if (!decision.allowed()) {
      audit.append(deny(actor, query, decision));
    }
  }

  /** Counts each decision made at {@code now}, and appends an entry for each deny, as one batch. */
  void record(Principal actor, List<DecisionQuery> queries, List<Decision> decisions, Instant now) {
    List<AuditEvent> denies = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      DecisionQuery query = queries.get(i);
      Decision decision = decisions.get(i);
      count(query, decision, now);
      if (!decision.allowed()) {
        denies.add(deny(actor, query, decision));
      }
    }
    audit.appendAll(denies);
  }

  private void count(DecisionQuery query, Decision decision, Instant now) {
    Key key =
        new Key(
            Math.floorDiv(now.getEpochSecond(), 60),
            query.system(),
            query.purpose(),
            decision.allowed());
    LongAdder count = counts.get(key);
    if (count == null) {
      count = counts.computeIfAbsent(key, k -> new LongAdder());
    }
    count.increment();
  }

  private static AuditEvent deny(Principal actor, DecisionQuery query, Decision decision) {
    return AuditEvent.of(
            actor,
            "decision.deny",
            query.party().kind().name().toLowerCase(java.util.Locale.ROOT),
            query.party().id(),
            AuditEvent.DENIED)
        .withDetail(
            "system="
                + clip(query.system())
                + " purpose="
                + clip(query.purpose())
                + " reason="
                + decision.reason()
                + " policy="
                + decision.policyVersion()
                + (decision.source() == null ? "" : " source=" + decision.source()));
  }

  /** Writes the counts of the minutes that ended ({@code all}: every minute, on close). */
  synchronized void flush(boolean all) {
    long current = Math.floorDiv(clock.instant().getEpochSecond(), 60);
    List<AuditEvent> events = new ArrayList<>();
    for (Map.Entry<Key, LongAdder> entry : counts.entrySet()) {
      Key key = entry.getKey();
      if (!all && key.minute() >= current) {
        continue;
      }
      long count = entry.getValue().sumThenReset();
      counts.remove(key, entry.getValue());
      if (count == 0) {
        continue;
      }
      events.add(
          AuditEvent.of(
                  COUNTER,
                  "decision.count",
                  "purpose",
                  clip(key.purpose()),
                  key.allowed() ? AuditEvent.OK : AuditEvent.DENIED)
              .withDetail(
                  "system="
                      + clip(key.system())
                      + " minute="
                      + Instant.ofEpochSecond(key.minute() * 60)
                      + " count="
                      + count));
    }
    try {
      audit.appendAll(events);
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(DecisionAudit.class)
          .warn("decision counts could not be written: {}", e.toString());
    }
  }

  /** Ids reach the audit log only as the policy spells them; anything else was refused before. */
  private static String clip(String id) {
    return id.length() > 64 ? id.substring(0, 64) : id;
  }

  @Override
  public void close() {
    flusher.shutdownNow();
    flush(true);
  }
}
