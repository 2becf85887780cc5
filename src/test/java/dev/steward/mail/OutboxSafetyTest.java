package dev.steward.mail;

import static dev.steward.mail.MailTestbed.eventually;
import static dev.steward.mail.MailTestbed.pause;
import static dev.steward.mail.OutboxDeliveryTest.scheduledDeliveries;
import static dev.steward.mail.OutboxDeliveryTest.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.store.Engine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What must never happen: a letter lost, sent for a rolled-back change, or kept in clear. */
class OutboxSafetyTest {
  static final String ADDRESS = "zhang.min@example.org";
  static final String BODY = "Your erasure request R-2048 is complete.";

  static OutgoingMail letter() {
    return OutgoingMail.text("letter.completion", ADDRESS, "Request R-2048 completed", BODY)
        .relatedTo("request", "R-2048");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void enqueueInTransaction_rolledBack_sendsNothing(Engine engine) throws Exception {
    try (MailTestbed bed = MailTestbed.open(engine)) {
      bed.startSmtp();
      bed.startScheduler("node-a");

      assertThatThrownBy(
              () ->
                  bed.database
                      .jdbi()
                      .useTransaction(
                          handle -> {
                            bed.outbox.enqueue(handle, letter());
                            throw new IllegalStateException("the state change failed");
                          }))
          .hasMessage("the state change failed");
      OutboxEntry committed =
          bed.database.jdbi().inTransaction(handle -> bed.outbox.enqueue(handle, letter()));
      eventually(
          "the committed letter is sent", () -> status(bed, committed.id()) == MailStatus.SENT);
      pause(Duration.ofMillis(500));

      assertThat(bed.received()).hasSize(1);
      assertThat(bed.received()[0].getMessageID()).isEqualTo(committed.messageId());
      assertThat(rows(bed, "select * from mail_outbox")).hasSize(1);
      assertThat(scheduledDeliveries(bed)).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void store_beforeAndAfterDelivery_holdsNoPlaintextAndDropsTheSealedContent(Engine engine) {
    try (MailTestbed bed = MailTestbed.open(engine)) {
      OutboxEntry queued = bed.outbox.enqueue(letter());

      List<String> everything = allValues(bed);
      assertThat(everything).noneMatch(value -> value.contains(ADDRESS) || value.contains(BODY));
      assertThat(sealedContent(bed, queued.id())).isNotNull();

      bed.startSmtp();
      bed.startScheduler("node-a");
      eventually("the letter is sent", () -> status(bed, queued.id()) == MailStatus.SENT);

      assertThat(sealedContent(bed, queued.id())).isNull();
      assertThat(allValues(bed)).noneMatch(value -> value.contains(ADDRESS));
      OutboxEntry kept = bed.outbox.find(queued.id()).orElseThrow();
      assertThat(kept.kind()).isEqualTo("letter.completion");
      assertThat(kept.relatedId()).isEqualTo("R-2048");
      assertThat(kept.messageId()).isEqualTo(queued.messageId());
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void deliver_smtpDownPastMaxAge_marksFailedAuditsAndCanBeRetried(Engine engine) {
    MailRetry shortLived =
        new MailRetry(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofSeconds(1));
    try (MailTestbed bed = MailTestbed.open(engine, shortLived)) {
      bed.startScheduler("node-a");
      OutboxEntry queued = bed.outbox.enqueue(letter());

      eventually("the letter is failed", () -> status(bed, queued.id()) == MailStatus.FAILED);
      OutboxEntry failed = bed.outbox.find(queued.id()).orElseThrow();
      assertThat(failed.attempts()).isGreaterThanOrEqualTo(2);
      assertThat(failed.lastError()).isEqualTo("could not connect to the SMTP server");
      assertThat(failed.failedAt()).isNotNull();
      assertThat(bed.outbox.list(MailStatus.FAILED, 100))
          .extracting(OutboxEntry::id)
          .containsExactly(queued.id());
      // The outcome is audited after the row is marked, so it may land a moment later.
      eventually("the failure is audited", () -> !bed.audit.isEmpty());
      assertThat(bed.audit)
          .containsExactly(
              "mail.failed mail:"
                  + queued.id()
                  + " failed kind=letter.completion; related=request:R-2048");
      eventually("the delivery task is gone", () -> scheduledDeliveries(bed) == 0);

      bed.startSmtp();
      assertThat(bed.outbox.retry(queued.id())).isTrue();
      eventually("the retried letter is sent", () -> status(bed, queued.id()) == MailStatus.SENT);
      assertThat(bed.received()).hasSize(1);
      assertThat(bed.outbox.retry(queued.id())).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void sweep_pendingLetterWithoutTask_schedulesItAgain(Engine engine) {
    try (MailTestbed bed = MailTestbed.open(engine)) {
      OutboxEntry queued = bed.outbox.enqueue(letter());
      bed.database.jdbi().useHandle(handle -> handle.execute("delete from scheduled_tasks"));

      assertThat(bed.outbox.sweep()).isEqualTo(1);
      assertThat(bed.outbox.sweep()).isZero();
      bed.startSmtp();
      bed.startScheduler("node-a");
      eventually("the letter is sent", () -> status(bed, queued.id()) == MailStatus.SENT);
      assertThat(bed.received()).hasSize(1);
    }
  }

  /**
   * A node sent the letter and died before marking it sent: another node takes the delivery over
   * and sends it again, and both copies carry the same Message-ID, so mail clients show one.
   */
  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void crash_afterTheServerAccepted_resendsWithTheSameMessageId(Engine engine) throws Exception {
    try (MailTestbed bed = MailTestbed.open(engine)) {
      bed.startSmtp();
      OutboxEntry queued = bed.outbox.enqueue(letter());
      byte[] sealed = sealedContent(bed, queued.id());
      SmtpSender deadNode = new SmtpSender(bed.settings(), Clock.systemUTC());
      deadNode.send(queued.messageId(), SealedContent.open(bed.sealer, queued.id(), sealed));
      bed.database
          .jdbi()
          .useHandle(
              handle ->
                  handle.execute(
                      "update scheduled_tasks set picked = true, picked_by = 'dead-node',"
                          + " last_heartbeat = execution_time - interval '1' hour,"
                          + " version = version + 1"));

      bed.startScheduler("node-b");
      eventually("the letter is sent", () -> status(bed, queued.id()) == MailStatus.SENT);

      assertThat(bed.received()).hasSize(2);
      assertThat(Arrays.stream(bed.received()).map(MailTestbed::messageId))
          .containsOnly(queued.messageId());
    }
  }

  private static byte[] sealedContent(MailTestbed bed, UUID id) {
    return bed.database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .select("select sealed_content from mail_outbox where id = ?", id)
                    .map((rs, ctx) -> rs.getBytes(1))
                    .one());
  }

  private static List<Map<String, Object>> rows(MailTestbed bed, String sql) {
    return bed.database.jdbi().withHandle(handle -> handle.select(sql).mapToMap().list());
  }

  /**
   * Every value of the outbox and of db-scheduler's table, bytes read both as UTF-8 and Latin-1.
   */
  private static List<String> allValues(MailTestbed bed) {
    return java.util.stream.Stream.concat(
            rows(bed, "select * from mail_outbox").stream(),
            rows(bed, "select * from scheduled_tasks").stream())
        .flatMap(row -> row.values().stream())
        .flatMap(
            value ->
                value instanceof byte[] bytes
                    ? java.util.stream.Stream.of(
                        new String(bytes, StandardCharsets.UTF_8),
                        new String(bytes, StandardCharsets.ISO_8859_1))
                    : java.util.stream.Stream.of(String.valueOf(value)))
        .toList();
  }
}
