package dev.steward.mail;

import static dev.steward.mail.MailTestbed.eventually;
import static dev.steward.mail.MailTestbed.pause;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.steward.store.Engine;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Letters go out through a real SMTP server (GreenMail) on both database engines. */
class OutboxDeliveryTest {
  static final String CHINESE_SUBJECT = "您的访问请求已收到（编号 R-1024）";
  static final String CHINESE_BODY = "您好：\n我们已于今日收到您的个人信息访问请求，将在法定期限内答复。\n";

  static OutgoingMail acknowledgement() {
    return OutgoingMail.text(
            "letter.acknowledgement", "li.wei@example.org", CHINESE_SUBJECT, CHINESE_BODY)
        .withHtml("<p>您好：</p><p>我们已收到您的请求。</p>")
        .withHeader("List-Unsubscribe", "<https://privacy.steward.test/u/abc123>")
        .withAttachment(
            new OutgoingMail.Attachment(
                "请求摘要.txt", "text/plain", "编号 R-1024".getBytes(StandardCharsets.UTF_8)))
        .relatedTo("request", "R-1024");
  }

  static OutgoingMail letter(int number) {
    return OutgoingMail.text(
        "letter.completion",
        "person" + number + "@example.org",
        "Letter " + number,
        "Body " + number);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void enqueue_chineseLetter_arrivesOnceWithItsMessageIdAndUtf8Intact(Engine engine)
      throws Exception {
    try (MailTestbed bed = MailTestbed.open(engine)) {
      bed.startSmtp();
      bed.startScheduler("node-a");

      OutboxEntry queued = bed.outbox.enqueue(acknowledgement());
      eventually("the letter is sent", () -> status(bed, queued.id()) == MailStatus.SENT);

      assertThat(queued.messageId()).isEqualTo("<" + queued.id() + "@steward.test>");
      assertThat(bed.received()).hasSize(1);
      MimeMessage received = bed.received()[0];
      assertThat(received.getMessageID()).isEqualTo(queued.messageId());
      assertThat(received.getSubject()).isEqualTo(CHINESE_SUBJECT);
      assertThat(received.getHeader("List-Unsubscribe", null))
          .isEqualTo("<https://privacy.steward.test/u/abc123>");
      assertThat(received.getHeader("From", null)).contains("privacy@steward.test");
      assertThat(received.getHeader("To", null)).isEqualTo("li.wei@example.org");

      Multipart mixed = (Multipart) received.getContent();
      assertThat(mixed.getContentType()).startsWith("multipart/mixed");
      Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
      assertThat(alternative.getContentType()).startsWith("multipart/alternative");
      assertThat(text(alternative.getBodyPart(0))).isEqualTo(CHINESE_BODY);
      assertThat(text(alternative.getBodyPart(1))).contains("我们已收到您的请求。");
      assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("请求摘要.txt");

      OutboxEntry sent = bed.outbox.find(queued.id()).orElseThrow();
      assertThat(sent.attempts()).isEqualTo(1);
      assertThat(sent.sentAt()).isNotNull();
      assertThat(sent.lastError()).isNull();
      // The outcome is audited after the row is marked, so it may land a moment later.
      eventually("the sending is audited", () -> !bed.audit.isEmpty());
      assertThat(bed.audit)
          .containsExactly(
              "mail.sent mail:"
                  + queued.id()
                  + " ok kind=letter.acknowledgement; related=request:R-1024");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void deliver_smtpDownAtFirst_retriesWithBackoffThenDeliversOneCopy(Engine engine)
      throws Exception {
    try (MailTestbed bed = MailTestbed.open(engine)) {
      bed.startScheduler("node-a");
      OutboxEntry queued = bed.outbox.enqueue(letter(1));

      eventually("three attempts have failed", () -> attempts(bed, queued.id()) >= 3);
      OutboxEntry waiting = bed.outbox.find(queued.id()).orElseThrow();
      assertThat(waiting.status()).isEqualTo(MailStatus.PENDING);
      assertThat(waiting.lastError()).isEqualTo("could not connect to the SMTP server");
      assertBackoffFollowsTheRetryPolicy(bed, queued.id());

      bed.startSmtp();
      eventually("the letter is sent", () -> status(bed, queued.id()) == MailStatus.SENT);
      pause(Duration.ofSeconds(1));

      assertThat(bed.received()).hasSize(1);
      assertThat(bed.received()[0].getMessageID()).isEqualTo(queued.messageId());
      OutboxEntry sent = bed.outbox.find(queued.id()).orElseThrow();
      assertThat(sent.attempts()).isGreaterThanOrEqualTo(4);
      assertThat(sent.lastError()).isNull();
      assertThat(scheduledDeliveries(bed)).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void restart_newSchedulerOnTheSameDatabase_deliversWhatWasPending(Engine engine)
      throws Exception {
    try (MailTestbed bed = MailTestbed.open(engine)) {
      Scheduler before = bed.startScheduler("node-a");
      OutboxEntry retried = bed.outbox.enqueue(letter(1));
      eventually("an attempt has failed", () -> attempts(bed, retried.id()) >= 1);
      bed.stopScheduler(before);
      OutboxEntry whileDown = bed.outbox.enqueue(letter(2));

      bed.startSmtp();
      bed.startScheduler("node-a-restarted");
      eventually(
          "both letters are sent",
          () ->
              status(bed, retried.id()) == MailStatus.SENT
                  && status(bed, whileDown.id()) == MailStatus.SENT);
      pause(Duration.ofMillis(500));

      assertThat(Arrays.stream(bed.received()).map(MailTestbed::messageId))
          .containsExactlyInAnyOrder(retried.messageId(), whileDown.messageId());
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void twoNodes_sharingTheDatabase_deliverEachLetterOnce(Engine engine) {
    try (MailTestbed bed = MailTestbed.open(engine)) {
      MailTestbed.Node first = bed.firstNode();
      MailTestbed.Node second = bed.secondNode();
      bed.startSmtp();
      bed.startScheduler("node-a", first);
      bed.startScheduler("node-b", second);

      int letters = 40;
      for (int i = 0; i < letters; i++) {
        (i % 2 == 0 ? first : second).outbox().enqueue(letter(i));
      }
      eventually(
          "every letter is sent", () -> bed.outbox.list(MailStatus.SENT, 100).size() == letters);
      pause(Duration.ofSeconds(1));

      assertThat(bed.received()).hasSize(letters);
      assertThat(Arrays.stream(bed.received()).map(MailTestbed::messageId).distinct())
          .hasSize(letters);
      assertThat(bed.outbox.list(MailStatus.SENT, 100))
          .allSatisfy(e -> assertThat(e.attempts()).isOne());
      // Audit is at least once: a run taken over after the send re-records, never skips.
      assertThat(bed.audit.stream().distinct()).hasSize(letters);
    }
  }

  /** The scheduled retry waits exactly the policy's delay after the last failure. */
  private static void assertBackoffFollowsTheRetryPolicy(MailTestbed bed, UUID id) {
    record Backoff(Duration delay, int failures) {}
    Backoff backoff =
        bed.database
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .select(
                            "select execution_time, last_failure, consecutive_failures"
                                + " from scheduled_tasks where task_instance = ?",
                            id.toString())
                        .map(
                            (rs, ctx) ->
                                new Backoff(
                                    Duration.between(
                                        rs.getTimestamp("last_failure").toInstant(),
                                        rs.getTimestamp("execution_time").toInstant()),
                                    rs.getInt("consecutive_failures")))
                        .one());
    assertThat(backoff.failures()).isPositive();
    assertThat(backoff.delay()).isEqualTo(MailTestbed.QUICK_RETRY.delayAfter(backoff.failures()));
  }

  static MailStatus status(MailTestbed bed, UUID id) {
    return bed.outbox.find(id).orElseThrow().status();
  }

  static int attempts(MailTestbed bed, UUID id) {
    return bed.outbox.find(id).orElseThrow().attempts();
  }

  static long scheduledDeliveries(MailTestbed bed) {
    return bed.database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .select(
                        "select count(*) from scheduled_tasks where task_name = ?",
                        MailDelivery.TASK_NAME)
                    .mapTo(Long.class)
                    .one());
  }

  private static String text(Part part) throws Exception {
    return ((String) part.getContent()).replace("\r\n", "\n");
  }
}
