package dev.steward.vault;

import dev.steward.calendar.Calendars;
import dev.steward.calendar.Deadline;
import dev.steward.calendar.LegalClock;
import dev.steward.policy.Jurisdiction;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.PublishedPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Art. 14 deadlines from the policy in force: every jurisdiction's {@code
 * indirect_collection_notice} rule is counted on its own calendar, and the earliest wins, because
 * which law covers the person is not known when the data arrives and meeting the earliest meets
 * them all. Without any such rule, {@link NoticeDeadlines#oneMonthUtc()}. The calendars are built
 * once per published version. Thread-safe.
 */
public final class PolicyNoticeDeadlines implements NoticeDeadlines {
  private final PublishedPolicies policies;
  private final Clock clock;
  private final AtomicReference<Built> built = new AtomicReference<>();

  public PolicyNoticeDeadlines(PublishedPolicies policies, Clock clock) {
    this.policies = policies;
    this.clock = clock;
  }

  @Override
  public Due due(Instant obtainedAt) {
    PublishedPolicy current = policies.current();
    Built calendars = built.get();
    if (calendars == null || !calendars.contentHash().equals(current.contentHash())) {
      calendars = new Built(current.contentHash(), Calendars.of(current.policy().calendars()));
      built.set(calendars);
    }
    List<Deadline> deadlines = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    for (Jurisdiction jurisdiction : current.policy().jurisdictions()) {
      if (jurisdiction.indirectCollectionNotice().isPresent()) {
        // Each jurisdiction counts the days of its own zone.
        LegalClock legal = new LegalClock(calendars.calendars(), jurisdiction.zone(), clock);
        deadlines.add(legal.dueDate(jurisdiction.indirectCollectionNotice().get(), obtainedAt));
        rules.add(jurisdiction.id());
      }
    }
    if (deadlines.isEmpty()) {
      return NoticeDeadlines.oneMonthUtc().due(obtainedAt);
    }
    Deadline earliest = Deadline.earliest(deadlines);
    return new Due(earliest.dueAt(), earliest.dueDate(), rules.get(deadlines.indexOf(earliest)));
  }

  private record Built(String contentHash, Calendars calendars) {}
}
