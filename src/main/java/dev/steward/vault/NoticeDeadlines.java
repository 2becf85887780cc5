package dev.steward.vault;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * When a person whose data came from an indirect source must be told about it (GDPR Art. 14(3)).
 * Implementations are thread-safe; the running node uses {@link PolicyNoticeDeadlines}.
 */
@FunctionalInterface
public interface NoticeDeadlines {

  /** The deadline for data obtained at {@code obtainedAt}. */
  Due due(Instant obtainedAt);

  /**
   * A computed notice deadline.
   *
   * @param dueAt the last instant: the end of {@code dueDate} in the rule's zone
   * @param rule which rule gave it: a jurisdiction id, or {@code art14-default}
   */
  record Due(Instant dueAt, LocalDate dueDate, String rule) {}

  /**
   * GDPR Art. 14(3)(a) read plainly: the same date a month later in UTC, the month's last day where
   * there is no such date, not moved off weekends (so never later than the law allows).
   */
  static NoticeDeadlines oneMonthUtc() {
    return obtainedAt -> {
      LocalDate due = LocalDate.ofInstant(obtainedAt, ZoneOffset.UTC).plusMonths(1);
      Instant end = due.atTime(LocalTime.of(23, 59, 59, 999_000_000)).toInstant(ZoneOffset.UTC);
      return new Due(end, due, "art14-default");
    };
  }
}
