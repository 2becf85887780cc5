package dev.steward.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.audit.AuditTrail;
import dev.steward.error.ConflictException;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The published policy versions in the store, shared by every node. The newest is in force; a node
 * notices another node's publication within {@link #REFRESH}. Versions are immutable once
 * published, so each is parsed once per node and kept. Thread-safe.
 */
public final class PolicyVersions implements PublishedPolicies {
  static final Duration REFRESH = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database database;
  private final PolicyChecker checker;
  private final AuditTrail audit;
  private final Clock clock;
  private final Map<Long, PublishedPolicy> parsed = new ConcurrentHashMap<>();
  private volatile Head head;

  private record Head(long seq, Instant checkedAt) {}

  private record Row(
      long seq,
      String version,
      String contentHash,
      String mainFile,
      String files,
      Instant publishedAt) {}

  public PolicyVersions(Database database, PolicyChecker checker, AuditTrail audit, Clock clock) {
    this.database = database;
    this.checker = checker;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether any version has been published yet. */
  public boolean isEmpty() {
    return latestSeq() == 0;
  }

  /**
   * Publishes a validated snapshot. Publishing the content already in force changes nothing; a
   * label already used for other content is refused.
   *
   * @throws InvalidPolicyException when the snapshot has errors
   * @throws ConflictException when its version label is taken by different content
   */
  public PublishedPolicy publish(PolicySnapshot snapshot, Principal actor) {
    Policy policy = checker.check(snapshot).orThrow();
    String hash = snapshot.contentHash();
    Optional<Row> existing = database.jdbi().withHandle(h -> byHash(h, hash));
    if (existing.isPresent()) {
      PublishedPolicy earlier = cached(existing.get());
      if (earlier.equals(currentOrNull())) {
        return earlier;
      }
      // What people were shown under a label must stay what that label meant.
      throw new ConflictException(
          "this content was published before as version "
              + earlier.version()
              + "; to return to it, publish it under a new version label");
    }
    String files = toJson(snapshot.files());
    Instant now = clock.instant();
    long seq;
    try {
      seq =
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
                    h.createUpdate(
                            "insert into policy_version (seq, version, content_hash, main_file,"
                                + " files, effective_date, published_at, published_by) values"
                                + " (:seq, :version, :hash, :main, :files, :effective, :at, :by)")
                        .bind("seq", next)
                        .bind("version", policy.version())
                        .bind("hash", hash)
                        .bind("main", snapshot.mainFile())
                        .bind("files", files)
                        .bind("effective", policy.effectiveDate())
                        .bind("at", now)
                        .bind("by", actor.actorType() + ":" + actor.actorId())
                        .execute();
                    audit.record(
                        h,
                        actor,
                        "policy.published",
                        "policy-version",
                        policy.version(),
                        "ok",
                        "seq=" + next + " hash=" + hash);
                    return next;
                  });
    } catch (UnableToExecuteStatementException e) {
      // Another node published at the same moment: its version wins, ours is not lost but refused.
      throw new ConflictException(
          "another publication happened at the same time; check the versions and publish again");
    }
    head = null;
    PublishedPolicy published = new PublishedPolicy(policy.version(), hash, now, policy);
    parsed.put(seq, published);
    return published;
  }

  @Override
  public PublishedPolicy current() {
    PublishedPolicy current = currentOrNull();
    if (current == null) {
      throw new NotFoundException("no policy has been published yet");
    }
    return current;
  }

  private PublishedPolicy currentOrNull() {
    long seq = latestSeq();
    if (seq == 0) {
      return null;
    }
    return parsed.computeIfAbsent(
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
    return database
        .jdbi()
        .withHandle(h -> h.createQuery(SELECT + " order by seq").map(PolicyVersions::row).list())
        .stream()
        .map(this::cached)
        .toList();
  }

  private PublishedPolicy cached(Row row) {
    return parsed.computeIfAbsent(row.seq(), s -> toPublished(row));
  }

  private long latestSeq() {
    Head known = head;
    Instant now = clock.instant();
    if (known != null && known.checkedAt().plus(REFRESH).isAfter(now)) {
      return known.seq();
    }
    long seq =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.select("select coalesce(max(seq), 0) from policy_version")
                        .mapTo(Long.class)
                        .one());
    head = new Head(seq, now);
    return seq;
  }

  private PublishedPolicy toPublished(Row row) {
    Map<String, String> files = fromJson(row.files());
    Policy policy = checker.reload(new PolicySnapshot(row.mainFile(), files)).orThrow();
    return new PublishedPolicy(row.version(), row.contentHash(), row.publishedAt(), policy);
  }

  private static final String SELECT =
      "select seq, version, content_hash, main_file, files, published_at from policy_version";

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
        rs.getObject("published_at", java.time.OffsetDateTime.class).toInstant());
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
