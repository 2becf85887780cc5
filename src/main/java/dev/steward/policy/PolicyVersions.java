package dev.steward.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.steward.audit.AuditTrail;
import dev.steward.error.ConflictException;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The published policy versions in the store, shared by every node.
 *
 * <p>A version takes force at the later of its publication and the start of its effective date, the
 * moment that date has begun in the zone of every jurisdiction it declares (the last of them: a
 * notice must not change anywhere before the date it gives); it is stored with the version as
 * {@code in_force_from}. The version in force is the one whose moment came last, the later
 * publication among equals. So a version published ahead of its date waits while the one before it
 * stays in force, and one published meanwhile with a date already begun takes force at once, the
 * scheduled one still following on its date. The very first version takes force when published,
 * whatever its date: there is nothing else to serve.
 *
 * <p>Every node reads the schedule (version numbers and their moments) at most every {@link
 * #REFRESH} and picks the version in force by its own clock on each call, so a scheduled version
 * takes force on every node at its moment, with nothing written then. Versions are immutable once
 * published, so each is parsed once per node and the recent ones kept. Thread-safe.
 */
public final class PolicyVersions implements PublishedPolicies {
  static final Duration REFRESH = Duration.ofSeconds(2);
  private static final int PARSED_KEPT = 32;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database database;
  private final PolicyChecker checker;
  private final AuditTrail audit;
  private final Clock clock;
  // Parsed versions by sequence number: immutable, so any dropped is parsed again if asked for.
  private final Cache<Long, PublishedPolicy> parsed =
      Caffeine.newBuilder().maximumSize(PARSED_KEPT).build();
  private volatile Schedule schedule;
  private volatile Listed listed;

  /** {@link #all()} as of one schedule: the same list until the schedule is read again. */
  private record Listed(Schedule schedule, List<PublishedPolicy> versions) {}

  /** One version's place in the schedule. */
  private record Slot(long seq, Instant inForceFrom) {}

  /** Every version's place, as read from the store at {@code readAt}. */
  private record Schedule(List<Slot> slots, Instant readAt) {
    private static final Comparator<Slot> ORDER =
        Comparator.comparing(Slot::inForceFrom).thenComparingLong(Slot::seq);

    /** The version in force at {@code now}; before any took force, the first one. */
    Optional<Slot> inForceAt(Instant now) {
      Optional<Slot> begun =
          slots.stream().filter(slot -> !slot.inForceFrom().isAfter(now)).max(ORDER);
      return begun.isPresent() ? begun : slots.stream().min(ORDER);
    }

    /** The version that takes force next after {@code now}, if one is scheduled. */
    Optional<Slot> nextAfter(Instant now) {
      return slots.stream()
          .filter(slot -> slot.inForceFrom().isAfter(now))
          .min(ORDER)
          .flatMap(
              first ->
                  slots.stream()
                      .filter(slot -> slot.inForceFrom().equals(first.inForceFrom()))
                      .max(ORDER));
    }
  }

  private record Row(
      long seq,
      String version,
      String contentHash,
      String mainFile,
      String files,
      Instant publishedAt,
      Instant inForceFrom) {}

  public PolicyVersions(Database database, PolicyChecker checker, AuditTrail audit, Clock clock) {
    this.database = database;
    this.checker = checker;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether any version has been published yet. */
  public boolean isEmpty() {
    return schedule().slots().isEmpty();
  }

  /**
   * Publishes a validated snapshot, in force from the later of now and the start of its effective
   * date (see the class comment). Publishing content already in force, or already scheduled,
   * changes nothing; a label already used for other content is refused.
   *
   * @throws InvalidPolicyException when the snapshot has errors
   * @throws ConflictException when its version label is taken by different content
   */
  public PublishedPolicy publish(PolicySnapshot snapshot, Principal actor) {
    Policy policy = checker.check(snapshot).orThrow();
    String hash = snapshot.contentHash();
    Instant now = clock.instant();
    Optional<Row> existing = database.jdbi().withHandle(h -> byHash(h, hash));
    if (existing.isPresent()) {
      PublishedPolicy earlier = cached(existing.get());
      if (earlier.equals(currentOrNull()) || earlier.inForceFrom().isAfter(now)) {
        return earlier;
      }
      // What people were shown under a label must stay what that label meant.
      throw new ConflictException(
          "this content was published before as version "
              + earlier.version()
              + "; to return to it, publish it under a new version label");
    }
    String files = toJson(snapshot.files());
    Instant scheduled = latest(now, effectiveStart(policy));
    Slot slot;
    try {
      slot =
          database
              .jdbi()
              .inTransaction(
                  h -> {
                    if (byVersion(h, policy.version())
                        .filter(r -> !r.contentHash().equals(hash))
                        .isPresent()) {
                      throw new ConflictException(
                          "policy version "
                              + policy.version()
                              + " is already published with different content; give the new file"
                              + " a new version label");
                    }
                    long next =
                        h.select("select coalesce(max(seq), 0) + 1 from policy_version")
                            .mapTo(Long.class)
                            .one();
                    // The first version is served at once, whatever its date: nothing else could
                    // be.
                    Instant inForceFrom = next == 1 ? now : scheduled;
                    h.createUpdate(
                            "insert into policy_version (seq, version, content_hash, main_file,"
                                + " files, effective_date, published_at, in_force_from,"
                                + " published_by) values (:seq, :version, :hash, :main, :files,"
                                + " :effective, :at, :inForceFrom, :by)")
                        .bind("seq", next)
                        .bind("version", policy.version())
                        .bind("hash", hash)
                        .bind("main", snapshot.mainFile())
                        .bind("files", files)
                        .bind("effective", policy.effectiveDate())
                        .bind("at", now)
                        .bind("inForceFrom", inForceFrom)
                        .bind("by", actor.actorType() + ":" + actor.actorId())
                        .execute();
                    audit.record(
                        h,
                        actor,
                        "policy.published",
                        "policy-version",
                        policy.version(),
                        "ok",
                        "seq=" + next + " hash=" + hash + " in_force_from=" + inForceFrom);
                    return new Slot(next, inForceFrom);
                  });
    } catch (UnableToExecuteStatementException e) {
      // Another node published at the same moment: its version wins, ours is not lost but refused.
      throw new ConflictException(
          "another publication happened at the same time; check the versions and publish again");
    }
    schedule = null;
    PublishedPolicy published =
        new PublishedPolicy(policy.version(), hash, now, slot.inForceFrom(), policy);
    parsed.put(slot.seq(), published);
    return published;
  }

  /**
   * When a policy's effective date has begun in the zone of every jurisdiction it declares: the
   * start of that day in the zone where it starts last. A month-only date means its first day.
   */
  static Instant effectiveStart(Policy policy) {
    LocalDate day = policy.effectiveFrom().orElseThrow();
    return policy.jurisdictions().stream()
        .map(Jurisdiction::zone)
        .filter(java.util.Objects::nonNull)
        .map(zone -> day.atStartOfDay(zone).toInstant())
        .max(Comparator.naturalOrder())
        .orElseGet(() -> day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public PublishedPolicy current() {
    PublishedPolicy current = currentOrNull();
    if (current == null) {
      throw new NotFoundException("no policy has been published yet");
    }
    return current;
  }

  @Override
  public Optional<PublishedPolicy> upcoming() {
    return schedule().nextAfter(clock.instant()).map(slot -> bySeq(slot.seq()));
  }

  /** Whether a policy is in force: what a node needs before it can take calls. */
  public boolean isReady() {
    try {
      return currentOrNull() != null;
    } catch (RuntimeException e) {
      return false; // the store did not answer
    }
  }

  private PublishedPolicy currentOrNull() {
    return schedule().inForceAt(clock.instant()).map(slot -> bySeq(slot.seq())).orElse(null);
  }

  private PublishedPolicy bySeq(long seq) {
    return parsed.get(
        seq,
        s ->
            toPublished(
                database
                    .jdbi()
                    .withHandle(h -> bySeq(h, s))
                    .orElseThrow(
                        () -> new NotFoundException("policy version " + s + " vanished"))));
  }

  @Override
  public Optional<PublishedPolicy> version(String version) {
    return database.jdbi().withHandle(h -> byVersion(h, version)).map(this::cached);
  }

  @Override
  public List<PublishedPolicy> all() {
    // From the schedule, like the version in force, so no call reads the store (or every
    // version's files) again: a version published here is listed at once, one published on
    // another node within REFRESH, when it may also take force here.
    Schedule now = schedule();
    Listed last = listed;
    if (last != null && last.schedule() == now) {
      return last.versions();
    }
    List<PublishedPolicy> versions =
        now.slots().stream().mapToLong(Slot::seq).sorted().mapToObj(this::bySeq).toList();
    listed = new Listed(now, versions);
    return versions;
  }

  private PublishedPolicy cached(Row row) {
    return parsed.get(row.seq(), s -> toPublished(row));
  }

  private Schedule schedule() {
    Schedule known = schedule;
    Instant now = clock.instant();
    if (known != null && known.readAt().plus(REFRESH).isAfter(now)) {
      return known;
    }
    List<Slot> slots =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select seq, in_force_from from policy_version")
                        .map(
                            (rs, ctx) ->
                                new Slot(
                                    rs.getLong("seq"),
                                    rs.getObject("in_force_from", java.time.OffsetDateTime.class)
                                        .toInstant()))
                        .list());
    Schedule read = new Schedule(List.copyOf(slots), now);
    schedule = read;
    return read;
  }

  private PublishedPolicy toPublished(Row row) {
    Map<String, String> files = fromJson(row.files());
    Policy policy = checker.reload(new PolicySnapshot(row.mainFile(), files)).orThrow();
    return new PublishedPolicy(
        row.version(), row.contentHash(), row.publishedAt(), row.inForceFrom(), policy);
  }

  private static final String SELECT =
      "select seq, version, content_hash, main_file, files, published_at, in_force_from"
          + " from policy_version";

  private static Optional<Row> byHash(Handle h, String hash) {
    return h.createQuery(SELECT + " where content_hash = :v")
        .bind("v", hash)
        .map(PolicyVersions::row)
        .findOne();
  }

  private static Optional<Row> byVersion(Handle h, String version) {
    return h.createQuery(SELECT + " where version = :v")
        .bind("v", version)
        .map(PolicyVersions::row)
        .findOne();
  }

  private static Optional<Row> bySeq(Handle h, long seq) {
    return h.createQuery(SELECT + " where seq = :v")
        .bind("v", seq)
        .map(PolicyVersions::row)
        .findOne();
  }

  private static Row row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    return new Row(
        rs.getLong("seq"),
        rs.getString("version"),
        rs.getString("content_hash"),
        rs.getString("main_file"),
        rs.getString("files"),
        rs.getObject("published_at", java.time.OffsetDateTime.class).toInstant(),
        rs.getObject("in_force_from", java.time.OffsetDateTime.class).toInstant());
  }

  private static String toJson(Map<String, String> files) {
    try {
      return JSON.writeValueAsString(new java.util.TreeMap<>(files));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }

  private static Map<String, String> fromJson(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored policy files are not readable JSON", e);
    }
  }
}
