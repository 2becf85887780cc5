package dev.steward.bench;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import dev.steward.audit.AuditLog;
import dev.steward.consent.ConsentStates;
import dev.steward.consent.Party;
import dev.steward.consent.PartyState;
import dev.steward.decision.Decision;
import dev.steward.decision.DecisionQuery;
import dev.steward.decision.Decisions;
import dev.steward.policy.FixedPolicies;
import dev.steward.policy.PolicyChecker;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import dev.steward.store.StoreSettings;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityIndex;
import dev.steward.vault.IdentityNormalizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The in-process decision against the plain map look-up it is built on, in one JMH run
 * (bench/decide-jmh.sh): a million subjects in {@link ConsentStates}' memory, and beside them a
 * {@link ConcurrentHashMap} of a million entries keyed by the subjects' keys as the store names
 * them ({@code subject:<uuid>}, precomputed).
 *
 * <ul>
 *   <li>{@code mapLookup}: the baseline, {@code map.get(key)} of a random subject's key.
 *   <li>{@code decideBySubject}: {@link Decisions#decide} of a random subject by id: its key, the
 *       cached state, the rules, the audit count.
 *   <li>{@code hmacSha256}: one HMAC-SHA256 (JCA) of an address, the baseline of the next two.
 *   <li>{@code keyedHash}: normalise an address and take its keyed hash ({@link IdentityIndex}).
 *   <li>{@code decideByEmail}: {@link Decisions#decide} of a random address (normalise, keyed hash,
 *       look up, rules, count), 100,000 addresses in memory.
 * </ul>
 *
 * The questions are all allowed (a contract purpose), so no deny is written to the audit log during
 * the measurement; the counts per minute are.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecideBench {
  static final int SUBJECTS = Integer.getInteger("bench.subjects", 1_000_000);
  static final int EMAILS = Integer.getInteger("bench.emails", 100_000);
  private static final Principal ACTOR = new Principal.System("bench");
  private static final List<String> CATEGORIES = List.of("contact.email");

  /** The decision service on a fresh H2 store; each JMH fork is a JVM of its own. */
  static final class Node {
    final Path dir;
    final Database database;
    final AuditLog audit;
    final ConsentStates states;
    final Decisions decisions;
    final IdentityIndex index;

    Node() throws Exception {
      Clock clock = Clock.systemUTC();
      dir = Files.createTempDirectory("steward-decide-bench-");
      database = Database.open(StoreSettings.of(StoreSettings.h2FileUrl(dir.resolve("store"))));
      audit = new AuditLog(database, clock);
      // Entries stay for the whole run: loading a million takes longer than a node keeps one.
      states = new ConsentStates(database, TimeUnit.HOURS.toNanos(1));
      decisions =
          new Decisions(
              FixedPolicies.of(
                  new PolicyChecker(clock)
                      .loadValid(Path.of("src/test/resources/policy/decisions.yaml"))),
              states,
              audit,
              clock);
      MacConfig.register();
      Mac key =
          KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
              .getPrimitive(RegistryConfiguration.get(), Mac.class);
      index = new IdentityIndex(key, new IdentityNormalizer("GB"));
    }

    void close() throws Exception {
      decisions.close();
      audit.close();
      database.close();
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A million subjects in the service's memory, and the same keys in a plain map. */
  @State(Scope.Benchmark)
  public static class Subjects {
    Node node;
    UUID[] ids;
    String[] keys;
    ConcurrentHashMap<String, PartyState> map;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      node = new Node();
      ids = new UUID[SUBJECTS];
      keys = new String[SUBJECTS];
      map = new ConcurrentHashMap<>();
      for (int i = 0; i < SUBJECTS; i++) {
        ids[i] = UUID.randomUUID();
        keys[i] = Party.subject(ids[i]).key();
        map.put(keys[i], PartyState.empty(Party.subject(ids[i])));
      }
      long started = System.nanoTime();
      // Every state loaded once, as a node's first decision about each would.
      IntStream.range(0, SUBJECTS)
          .parallel()
          .forEach(i -> node.states.state(Party.subject(ids[i])));
      System.out.printf(
          "%nloaded %,d subjects in %d s%n",
          SUBJECTS, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      node.close();
    }
  }

  /** 100,000 addresses, their identities' states in the service's memory. */
  @State(Scope.Benchmark)
  public static class Emails {
    Node node;
    String[] emails;
    javax.crypto.Mac jca;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      node = new Node();
      jca = javax.crypto.Mac.getInstance("HmacSHA256");
      jca.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
      emails = new String[EMAILS];
      for (int i = 0; i < EMAILS; i++) {
        emails[i] = "Person" + i + ".X" + Integer.toHexString(i * 7919) + "@Example.com";
      }
      IntStream.range(0, EMAILS)
          .parallel()
          .forEach(
              i -> node.states.state(Party.identity(node.index.hash(Identity.email(emails[i])))));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      node.close();
    }
  }

  /** A random index per call, the same way for every benchmark. */
  @State(Scope.Thread)
  public static class Cursor {
    private long x = System.nanoTime() | 1;

    int next(int bound) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      return (int) ((x >>> 1) % bound);
    }
  }

  @Benchmark
  public PartyState mapLookup(Subjects subjects, Cursor cursor) {
    return subjects.map.get(subjects.keys[cursor.next(SUBJECTS)]);
  }

  @Benchmark
  public Decision decideBySubject(Subjects subjects, Cursor cursor) {
    return subjects.node.decisions.decide(
        ACTOR,
        new DecisionQuery(
            "crm",
            Party.subject(subjects.ids[cursor.next(SUBJECTS)]),
            "service",
            CATEGORIES,
            null,
            null));
  }

  @Benchmark
  public byte[] hmacSha256(Emails emails, Cursor cursor) {
    return emails.jca.doFinal(
        ("email:" + emails.emails[cursor.next(EMAILS)]).getBytes(StandardCharsets.UTF_8));
  }

  @Benchmark
  public String keyedHash(Emails emails, Cursor cursor) {
    return emails.node.index.hash(Identity.email(emails.emails[cursor.next(EMAILS)]));
  }

  @Benchmark
  public Decision decideByEmail(Emails emails, Cursor cursor) {
    return emails.node.decisions.decide(
        ACTOR,
        new DecisionQuery(
            "crm",
            Party.identity(
                emails.node.index.hash(Identity.email(emails.emails[cursor.next(EMAILS)]))),
            "service",
            CATEGORIES,
            null,
            null));
  }
}
