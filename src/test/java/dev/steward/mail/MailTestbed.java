package dev.steward.mail;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.steward.audit.AuditTrail;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.StoreSettings;
import dev.steward.store.TestDatabases;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * One test's world: a fresh database, an SMTP port where GreenMail runs only when started, an
 * outbox with a short backoff, schedulers standing in for nodes, and the audit entries recorded.
 */
final class MailTestbed implements AutoCloseable {
  static final MailRetry QUICK_RETRY =
      new MailRetry(Duration.ofMillis(200), Duration.ofMillis(800), Duration.ofMinutes(5));

  final String url;
  final Database database;
  final int smtpPort;
  final MailSealer sealer;
  final List<String> audit = new CopyOnWriteArrayList<>();
  final Outbox outbox;
  private final List<Database> otherDatabases = new ArrayList<>();
  private final List<Scheduler> schedulers = new ArrayList<>();
  private GreenMail smtp;

  private MailTestbed(Engine engine, MailRetry retry) {
    this.url = TestDatabases.freshUrl(engine);
    this.database = Database.open(StoreSettings.of(url));
    this.smtpPort = freePort();
    this.sealer = newSealer();
    this.outbox = outboxOn(database, retry);
  }

  static MailTestbed open(Engine engine) {
    return new MailTestbed(engine, QUICK_RETRY);
  }

  static MailTestbed open(Engine engine, MailRetry retry) {
    return new MailTestbed(engine, retry);
  }

  /** A Steward node as far as mail goes: its pool on the shared database and its outbox. */
  record Node(Database database, Outbox outbox) {}

  Node firstNode() {
    return new Node(database, outbox);
  }

  /** Another node: its own pool on the same database, its own outbox, the same keys. */
  Node secondNode() {
    Database other = Database.open(StoreSettings.of(url));
    otherDatabases.add(other);
    return new Node(other, outboxOn(other, QUICK_RETRY));
  }

  private Outbox outboxOn(Database on, MailRetry retry) {
    AuditTrail trail =
        (Principal actor, String action, String type, String id, String outcome, String detail) ->
            audit.add(action + " " + type + ":" + id + " " + outcome + " " + detail);
    return new Outbox(on, settings(), retry, sealer, trail, Clock.systemUTC());
  }

  MailSettings settings() {
    return MailSettings.plain(
        "127.0.0.1", smtpPort, "Privacy Team <privacy@steward.test>", "steward.test");
  }

  void startSmtp() {
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  void stopSmtp() {
    smtp.stop();
  }

  MimeMessage[] received() {
    return smtp.getReceivedMessages();
  }

  static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  Scheduler startScheduler(String name) {
    return startScheduler(name, firstNode());
  }

  /**
   * A node's scheduler as the node builds it, polling and heart-beating fast enough for a test: an
   * execution whose node stopped beating for 6 × 1 s is taken over.
   */
  Scheduler startScheduler(String name, Node node) {
    Scheduler scheduler =
        Scheduler.create(node.database().dataSource(), node.outbox().tasks())
            .startTasks(node.outbox().startTasks())
            .threads(2)
            .alwaysPersistTimestampInUTC()
            .pollingInterval(Duration.ofMillis(100))
            .heartbeatInterval(Duration.ofSeconds(1))
            .schedulerName(new SchedulerName.Fixed(name))
            .shutdownMaxWait(Duration.ofSeconds(5))
            .build();
    schedulers.add(scheduler);
    scheduler.start();
    return scheduler;
  }

  /** Stops a node's scheduler as a shutdown does, letting a running delivery finish. */
  void stopScheduler(Scheduler scheduler) {
    scheduler.stop();
    schedulers.remove(scheduler);
  }

  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      pause(Duration.ofMillis(50));
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  static MailSealer newSealer() {
    try {
      AeadConfig.register();
      KeysetHandle keys = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      return new TinkMailSealer(keys.getPrimitive(RegistryConfiguration.get(), Aead.class));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    schedulers.forEach(Scheduler::stop);
    if (smtp != null) {
      smtp.stop();
    }
    otherDatabases.forEach(Database::close);
    database.close();
  }
}
