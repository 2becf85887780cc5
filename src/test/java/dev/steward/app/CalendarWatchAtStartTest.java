package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.steward.access.MutableClock;
import dev.steward.policy.CalendarWatch;
import dev.steward.store.Engine;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A node says at start, and schedules a daily job to say again, when calendar data runs out. */
class CalendarWatchAtStartTest {

  @Test
  void start_inLate2026_warnsThatChinasCalendarLacks2027AndSchedulesTheDailyWatch() {
    Logger logger = (Logger) LoggerFactory.getLogger(CalendarWatch.class);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    logger.addAppender(seen);
    try (TestNodes.Running node =
        TestNodes.start(
            TestNodes.config(Engine.H2, TestNodes.http()),
            MutableClock.at("2026-11-29T10:00:00Z"))) {
      assertThat(seen.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("policy version 2019-10: warning: dated calendar 'cn-mainland'")
                      .contains("no data for 2027 yet; the last year it covers is 2026"));
      int jobs =
          node.node()
              .database()
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery(
                              "select count(*) from scheduled_tasks where task_name ="
                                  + " 'calendar-watch'")
                          .mapTo(Integer.class)
                          .one());
      assertThat(jobs).isEqualTo(1);
    } finally {
      logger.detachAppender(seen);
    }
  }
}
