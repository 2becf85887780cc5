package dev.steward.bench;

import dev.steward.audit.AuditEvent;
import dev.steward.audit.AuditLog;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.StoreSettings;
import dev.steward.store.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whole-program benchmark of the audit log, run by {@code bench/audit.sh}: append throughput from
 * 32 threads and verification speed, each printed with its ratio to a baseline measured in the same
 * run on the same database. Options: {@code --seconds S} per append measurement (default 5), {@code
 * --entries N} in the verified chain (default 500000), {@code --engines h2,postgresql}.
 */
public final class AuditBench {
  static final int THREADS = 32;
  static final int BATCH = 100;

  public static void main(String[] args) throws Exception {
    int seconds = 5;
    int entries = 500_000;
    List<Engine> engines = List.of(Engine.H2, Engine.POSTGRESQL);
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--entries" -> entries = Integer.parseInt(args[i + 1]);
        case "--engines" ->
            engines =
                Stream.of(args[i + 1].split(","))
                    .map(e -> Engine.valueOf(e.strip().toUpperCase(Locale.ROOT)))
                    .toList();
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    for (Engine engine : engines) {
      Target target = Target.create(engine);
      try {
        runAppends(target, Duration.ofSeconds(seconds));
        runVerify(target, entries);
      } finally {
        target.drop();
      }
    }
  }

  static void runAppends(Target target, Duration measure) throws Exception {
    try (Database database = target.open()) {
      AppendBench bench = new AppendBench(database, THREADS, measure);
      double baseline = bench.plainInserts(BATCH);
      report(target, "plain INSERT, " + BATCH + " rows/txn (baseline)", baseline, "rows/s", 0);
      double oneRowBaseline = bench.plainInserts(1);
      report(target, "plain INSERT, 1 row/txn (2nd baseline)", oneRowBaseline, "rows/s", 0);
      try (AuditLog log = new AuditLog(database, Clock.systemUTC())) {
        double single = bench.auditAppends(log, 1);
        report(target, "audit append(), 1 event/call", single, "entries/s", baseline);
        report(target, "  the same, against the 2nd baseline", single, "entries/s", oneRowBaseline);
        double batched = bench.auditAppends(log, BATCH);
        report(
            target, "audit appendAll(), " + BATCH + " events/call", batched, "entries/s", baseline);
      }
    }
  }

  static void runVerify(Target target, int entries) throws Exception {
    try (Database database = target.open()) {
      VerifyBench bench = new VerifyBench(database, target.keysDir());
      bench.fill(entries);
      VerifyBench.Rates rates = bench.measure(3);
      report(target, "SELECT + SHA-256 per row (baseline)", rates.baseline(), "rows/s", 0);
      report(target, "audit verify", rates.verify(), "entries/s", rates.baseline());
    }
  }

  static void report(Target target, String what, double rate, String unit, double baseline) {
    String ratio = baseline > 0 ? "  " + ratio(rate, baseline) : "";
    System.out.printf(
        Locale.ROOT, "%-10s %-48s %,12.0f %s%s%n", target.label(), what, rate, unit, ratio);
  }

  static String ratio(double rate, double baseline) {
    return String.format(Locale.ROOT, "ratio %.2f", rate / baseline);
  }

  static AuditEvent event(long n) {
    return new AuditEvent(
        "user",
        "u-" + (n % 97),
        "subject.read",
        "subject",
        "s-" + n,
        AuditEvent.OK,
        n % 10 == 0 ? "request r-" + n : null);
  }

  /** A fresh database for one engine, dropped afterwards; nothing is left behind. */
  record Target(Engine engine, String url, Path dir, String schema) {
    static Target create(Engine engine) throws IOException {
      Path dir = Files.createTempDirectory("steward-bench-");
      if (engine == Engine.H2) {
        return new Target(engine, StoreSettings.h2FileUrl(dir.resolve("bench")), dir, null);
      }
      String url = TestDatabases.freshUrl(engine);
      return new Target(engine, url, dir, url.substring(url.indexOf("currentSchema=") + 14));
    }

    String label() {
      return engine == Engine.H2 ? "H2 file" : "PostgreSQL";
    }

    Path keysDir() {
      return dir.resolve("keys");
    }

    Database open() {
      return Database.open(new StoreSettings(url, THREADS + 4, Duration.ofSeconds(10)));
    }

    void drop() throws IOException, SQLException {
      if (schema != null) {
        try (Connection connection = DriverManager.getConnection(TestDatabases.PG_BASE);
            Statement statement = connection.createStatement()) {
          statement.execute("drop schema " + schema + " cascade");
        }
      }
      try (Stream<Path> files = Files.walk(dir)) {
        List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
        for (Path file : all) {
          Files.delete(file);
        }
      }
    }
  }
}
