package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.policy.FixedPolicies;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PublishedPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Art. 14(3) deadlines from the bundled policy's jurisdictions, with worked dates. */
class PolicyNoticeDeadlinesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
  private static final PublishedPolicy BUNDLED =
      new PublishedPolicy("2019-10", "hash", Instant.EPOCH, new PolicyChecker(CLOCK).bundled());
  private final NoticeDeadlines deadlines =
      new PolicyNoticeDeadlines(FixedPolicies.of(BUNDLED.policy()), CLOCK);

  @Test
  void due_obtained31January_isLastDayOfFebruaryUnderTheGdprRule() {
    NoticeDeadlines.Due due = deadlines.due(Instant.parse("2025-01-31T10:00:00Z"));

    assertThat(due.dueDate()).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(due.dueAt()).isEqualTo(Instant.parse("2025-02-28T23:59:59.999Z"));
    assertThat(due.rule()).isEqualTo("gdpr");
  }

  @Test
  void due_monthEndingOnEarlyMayBankHoliday_movesToTheNextWorkingDay() {
    // 5 May 2025 is the Early May bank holiday in England and Wales.
    NoticeDeadlines.Due due = deadlines.due(Instant.parse("2025-04-05T09:00:00Z"));

    assertThat(due.dueDate()).isEqualTo(LocalDate.of(2025, 5, 6));
    assertThat(due.dueAt()).isEqualTo(Instant.parse("2025-05-06T22:59:59.999Z"));
  }

  @Test
  void due_lateEveningUtcInLondonSummer_countsFromTheLondonDate() {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London: the month runs from 1 July.
    NoticeDeadlines.Due due = deadlines.due(Instant.parse("2025-06-30T23:30:00Z"));

    assertThat(due.dueDate()).isEqualTo(LocalDate.of(2025, 8, 1));
  }
}
