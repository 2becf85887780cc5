package dev.steward.bench;

import dev.steward.audit.AuditLog;
import dev.steward.config.ConfigResolver;
import dev.steward.config.StewardConfig;
import dev.steward.keys.Keys;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PolicyVersions;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityMatch;
import dev.steward.vault.VaultServices;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

/**
 * Audited lookups by email through the vault's service layer ({@code Vault.findByIdentity}:
 * normalise, keyed hash, index probe, tombstone check, audit entry), against a baseline measured in
 * the same run: a bare JDBC probe of the identity index by a precomputed hash through the same
 * pool, with no audit. Runs on a store an import filled (bench/lookup.sh). Prints throughput and
 * latency percentiles at a moderate and at a saturating concurrency.
 *
 * <p>Arguments: DATA_DIR STORE_URL KEYRING_URL CSV SECONDS
 */
public final class LookupBench {
  private static final Principal ACTOR = new Principal.System("bench");

  private LookupBench() {}

  public static void main(String[] args) throws Exception {
    StewardConfig config =
        new ConfigResolver(System.getenv())
            .resolve(new ConfigResolver.Flags(Path.of(args[0]), null, args[1], null, args[2]));
    String[] emails = emails(Path.of(args[3]));
    int seconds = Integer.parseInt(args[4]);
    Clock clock = Clock.systemUTC();
    try (Database store = Database.open(config.store());
        AuditLog audit = new AuditLog(store, clock)) {
      Keys keys = Keys.load(config.keysDir(), config.keyVariables(), store.jdbi(), clock);
      PolicyVersions policies = new PolicyVersions(store, new PolicyChecker(clock), audit, clock);
      try (VaultServices services =
          VaultServices.open(
              store, config.keyring(), keys, policies, config.phoneRegion(), audit, clock)) {
        String[] hashes = new String[100_000];
        for (int i = 0; i < hashes.length; i++) {
          hashes[i] =
              services.index().hash(Identity.email(emails[i * (emails.length / hashes.length)]));
        }
        IntConsumer probe =
            i ->
                store
                    .jdbi()
                    .useHandle(
                        handle ->
                            handle
                                .createQuery(
                                    "select subject_id from vault_identity where hash = :h")
                                .bind("h", hashes[i % hashes.length])
                                .mapTo(java.util.UUID.class)
                                .one());
        IntConsumer lookup =
            i -> {
              IdentityMatch match =
                  services.vault().findByIdentity(ACTOR, Identity.email(emails[i % emails.length]));
              if (!(match instanceof IdentityMatch.Found)) {
                throw new IllegalStateException("an imported email was not found");
              }
            };
        run("warm-up", lookup, 4, 5, false);
        run("warm-up", probe, 4, 3, false);
        for (int threads : new int[] {2, 8}) {
          Result base =
              run(
                  "bare index probe (baseline), " + threads + " threads",
                  probe,
                  threads,
                  seconds,
                  true);
          Result vault =
              run(
                  "audited findByIdentity,     " + threads + " threads",
                  lookup,
                  threads,
                  seconds,
                  true);
          System.out.printf(
              Locale.ROOT,
              "  ratio audited/baseline throughput at %d threads: %.2f%n",
              threads,
              vault.rate / base.rate);
        }
      }
    }
  }

  record Result(double rate, double p50, double p99, double p999) {}

  private static Result run(String name, IntConsumer call, int threads, int seconds, boolean print)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<long[]> samples = new ArrayList<>();
    int[] counts = new int[threads];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      long[] latencies = new long[2_000_000];
      samples.add(latencies);
      int slot = t;
      workers[t] =
          new Thread(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                  long start = System.nanoTime();
                  call.accept(random.nextInt(1 << 30));
                  latencies[n++] = System.nanoTime() - start;
                }
                counts[slot] = n;
              });
      workers[t].start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(samples.get(t), 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    Result result =
        new Result(
            total / (double) seconds,
            all[total / 2] / 1e6,
            all[(int) (total * 0.99)] / 1e6,
            all[(int) (total * 0.999)] / 1e6);
    if (print) {
      System.out.printf(
          Locale.ROOT,
          "  %-46s %9.0f /s   p50 %6.2f ms   p99 %6.2f ms   p99.9 %6.2f ms%n",
          name,
          result.rate,
          result.p50,
          result.p99,
          result.p999);
    }
    return result;
  }

  private static String[] emails(Path csv) throws java.io.IOException {
    List<String> emails = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(csv)) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        emails.add(line.substring(0, line.indexOf(',')));
      }
    }
    return emails.toArray(new String[0]);
  }
}
