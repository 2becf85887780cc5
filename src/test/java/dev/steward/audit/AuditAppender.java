package dev.steward.audit;

import dev.steward.store.Database;
import dev.steward.store.StoreSettings;
import java.io.PrintStream;
import java.time.Clock;

/**
 * The process {@link AuditKillIT} kills: appends single events from several threads to the store at
 * {@code args[0]} and prints {@code seq hash} for each entry once {@code append} has answered,
 * until it is killed.
 */
final class AuditAppender {
  private AuditAppender() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    Database database = Database.open(StoreSettings.of(args[0]));
    AuditLog log = new AuditLog(database, Clock.systemUTC());
    for (int t = 0; t < 16; t++) {
      int thread = t;
      Thread appender =
          new Thread(
              () -> {
                for (int i = 0; ; i++) {
                  AuditEntry entry = log.append(AuditFixture.event(thread * 1_000_000 + i));
                  synchronized (out) {
                    out.println(entry.seq() + " " + entry.hash());
                    out.flush();
                  }
                }
              });
      appender.start();
    }
    Thread.currentThread().join();
  }
}
