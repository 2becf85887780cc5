package dev.steward.retention;

import dev.steward.audit.AuditTrail;
import dev.steward.error.ConflictException;
import dev.steward.error.NotFoundException;
import dev.steward.fulfilment.DataSystem;
import dev.steward.fulfilment.ErasureScope;
import dev.steward.fulfilment.SubjectRef;
import dev.steward.fulfilment.SystemResult;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.PublishedPolicy;
import dev.steward.policy.RetentionRule;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.store.UniqueViolation;
import dev.steward.vault.SubjectNotFoundException;
import dev.steward.vault.Vault;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Retention sweeps: what the policy's rules make due, deleted across the vault and every connected
 * {@link DataSystem}, except what a legal hold keeps (GDPR Art. 5(1)(e), 17(1)(a) and 17(3)(e)).
 *
 * <p>A run is planned once, in one transaction: its instant ({@code as_of}) and every item with its
 * rule are stored before anything is deleted. Items are then carried out in order, each outcome
 * stored after its deletion; a run cut off midway is finished by the next call (the job's next
 * start or {@code steward retention run}), which reads the same list: every deletion is idempotent,
 * so an item whose deletion happened but whose outcome was not stored is found gone and recorded as
 * deleted, never deleted twice, and no item is skipped. The finished run leaves a signed deletion
 * certificate ({@link Certificates}). Thread-safe; one run is open per store at a time.
 */
public final class RetentionSweep {
  private static final Principal SYSTEM = new Principal.System("retention");
  private static final Duration CLAIM_SILENCE = Duration.ofMinutes(2);
  private static final int ATTEMPTS = 3;
  private static final int PAGE = 500;
  private static final String ANONYMISE = "anonymise";
  private static final String ITEM_COLUMNS =
      "seq, rule_id, system_id, kind, subject_id, item_id, category, due_at, outcome, hold_id,"
          + " attempts, detail, action";
  private static final String RUN_COLUMNS =
      "id, state, trigger_kind, policy_version, as_of, started_at, finished_at, certificate_sha";

  private final Jdbi jdbi;
  private final Vault vault;
  private final PublishedPolicies policies;
  private final List<DataSystem> systems;
  private final Certificates certificates;
  private final AuditTrail audit;
  private final Clock clock;

  /**
   * @param systems the connected data systems beside the vault (none by default)
   */
  public RetentionSweep(
      Jdbi jdbi,
      Vault vault,
      PublishedPolicies policies,
      List<DataSystem> systems,
      Certificates certificates,
      AuditTrail audit,
      Clock clock) {
    this.jdbi = jdbi;
    this.vault = vault;
    this.policies = policies;
    this.systems = List.copyOf(systems);
    this.certificates = certificates;
    this.audit = audit;
    this.clock = clock;
  }

  /** The ids of the systems a sweep reaches: the vault, then the connected ones. */
  public Set<String> systemIds() {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(Planner.VAULT);
    systems.forEach(s -> ids.add(s.id()));
    return ids;
  }

  /** The policy's rules in force. */
  public List<RetentionRule> rules() {
    return policies.current().policy().retentionRules();
  }

  /** What a run now would delete and keep; changes nothing. */
  public SweepReport dryRun(Principal actor) {
    Holds.require(actor, Permission.RETENTION_READ);
    PublishedPolicy policy = policies.current();
    Instant asOf = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Planner.Plan plan =
        jdbi.inTransaction(h -> new Planner(policy.policy(), systems).plan(h, asOf));
    Map<UUID, Hold> holds = holdsById();
    return report(policy, asOf, plan.items(), plan.notSwept(), holds);
  }

  /**
   * Runs a sweep: finishes the open run if there is one, else plans and carries out a new one.
   *
   * @param trigger {@code job}, {@code cli} or {@code api}
   */
  public RunSummary run(Principal actor, String trigger, RetentionProgress progress) {
    Holds.require(actor, Permission.RETENTION_MANAGE);
    String claim = UUID.randomUUID().toString();
    Opened opened = open(actor, trigger, claim);
    try {
      carryOut(opened.run(), claim, progress);
      finish(actor, opened.run());
    } finally {
      release(opened.run(), claim);
    }
    return summary(opened.run(), opened.resumed());
  }

  /** Every run, newest first. */
  public List<RunSummary> runs(Principal actor) {
    Holds.require(actor, Permission.RETENTION_READ);
    return jdbi.withHandle(
        h -> {
          List<UUID> ids =
              h.createQuery("select id from retention_run order by started_at desc, id")
                  .mapTo(UUID.class)
                  .list();
          return ids.stream().map(id -> summary(h, id, false)).toList();
        });
  }

  /** The signed certificate of a finished run, as its JSON document; the read is audited. */
  public String certificate(Principal actor, UUID runId) {
    Holds.require(actor, Permission.RETENTION_READ);
    String document =
        jdbi.withHandle(
            h ->
                h.createQuery("select certificate from retention_run where id = :id")
                    .bind("id", runId)
                    .mapTo(String.class)
                    .findOne()
                    .orElseThrow(() -> new NotFoundException("no retention run " + runId)));
    if (document == null) {
      throw new ConflictException("the run " + runId + " has not finished: no certificate yet");
    }
    audit.record(actor, "retention.certificate.read", "retention-run", runId.toString());
    return document;
  }

  /** Checks a certificate document against this store's audit signing key. */
  public Certificates.Verification verify(Principal actor, String document) {
    Holds.require(actor, Permission.RETENTION_READ);
    Certificates.Verification result = certificates.verify(document);
    audit.record(
        actor,
        "retention.certificate.verified",
        "retention-run",
        result.run() == null ? "unknown" : result.run(),
        result.valid() ? "ok" : "failed",
        null);
    return result;
  }

  private record Opened(UUID run, boolean resumed) {}

  private Opened open(Principal actor, String trigger, String claim) {
    for (int attempt = 0; ; attempt++) {
      try {
        return jdbi.inTransaction(h -> openIn(h, actor, trigger, claim));
      } catch (StatementException e) {
        // Another process opened a run between our look and our insert: take that one instead.
        if (!UniqueViolation.causedBy(e) || attempt > 0) {
          throw e;
        }
      }
    }
  }

  private Opened openIn(Handle h, Principal actor, String trigger, String claim) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    record Open(UUID id, String claim, Instant claimedAt) {}
    var open =
        h.createQuery(
                "select id, claim, claimed_at from retention_run where running = 'yes' for update")
            .map(
                (rs, ctx) ->
                    new Open(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        Holds.instant(rs, "claimed_at")))
            .findOne();
    if (open.isPresent()) {
      Open run = open.get();
      if (run.claim() != null
          && run.claimedAt() != null
          && run.claimedAt().plus(CLAIM_SILENCE).isAfter(now)) {
        throw new ConflictException(
            "a retention run ("
                + run.id()
                + ") is being carried out by another process; it is taken over after "
                + CLAIM_SILENCE.toMinutes()
                + " minutes of silence");
      }
      claim(h, run.id(), claim, now);
      audit.record(h, actor, "retention.run.resumed", "retention-run", run.id().toString());
      return new Opened(run.id(), true);
    }
    PublishedPolicy policy = policies.current();
    Planner.Plan plan = new Planner(policy.policy(), systems).plan(h, now);
    UUID id = UUID.randomUUID();
    h.createUpdate(
            "insert into retention_run (id, state, running, trigger_kind, actor, policy_version,"
                + " as_of, started_at, claim, claimed_at) values (:id, 'running', 'yes', :trigger,"
                + " :actor, :version, :at, :at, :claim, :at)")
        .bind("id", id)
        .bind("trigger", trigger)
        .bind("actor", actor.actorType() + ":" + actor.actorId())
        .bind("version", policy.version())
        .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .bind("claim", claim)
        .execute();
    var batch =
        h.prepareBatch(
            "insert into retention_item (run_id, seq, rule_id, system_id, kind, subject_id,"
                + " item_id, category, due_at, outcome, hold_id, attempts, action) values (:run,"
                + " :seq, :rule, :system, :kind, cast(:subject as uuid), :item, :category, :due,"
                + " :outcome, cast(:hold as uuid), 0, :action)");
    Map<String, RetentionRule.Action> actions = new HashMap<>();
    policy.policy().retentionRules().forEach(r -> actions.put(r.id(), r.action()));
    int seq = 0;
    for (SweepItem item : plan.items()) {
      // Only a vault record is anonymised; a whole person or a deletion by age is deleted.
      boolean anonymise =
          item.kind() == SweepItem.Kind.RECORD
              && actions.get(item.ruleId()) == RetentionRule.Action.ANONYMISE;
      batch
          .bind("run", id)
          .bind("seq", ++seq)
          .bind("rule", item.ruleId())
          .bind("system", item.system())
          .bind("kind", item.kind().code())
          .bindByType("subject", item.subjectId(), UUID.class)
          .bind("item", item.itemId())
          .bind("category", item.category())
          .bind("due", OffsetDateTime.ofInstant(item.dueAt(), ZoneOffset.UTC))
          .bind("outcome", item.holdId() == null ? "pending" : "held")
          .bindByType("hold", item.holdId(), UUID.class)
          .bind("action", anonymise ? ANONYMISE : "delete")
          .add();
    }
    if (seq > 0) {
      batch.execute();
    }
    audit.record(
        h,
        actor,
        "retention.run.started",
        "retention-run",
        id.toString(),
        "ok",
        "items=" + seq + " policy=" + policy.version());
    return new Opened(id, false);
  }

  private void claim(Handle h, UUID run, String claim, Instant now) {
    h.createUpdate("update retention_run set claim = :claim, claimed_at = :at where id = :id")
        .bind("claim", claim)
        .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .bind("id", run)
        .execute();
  }

  private void release(UUID run, String claim) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update retention_run set claim = null, claimed_at = null where id = :id and"
                        + " claim = :claim")
                .bind("id", run)
                .bind("claim", claim)
                .execute());
  }

  private record Row(
      int seq,
      String rule,
      String system,
      SweepItem.Kind kind,
      UUID subjectId,
      String itemId,
      String category,
      Instant dueAt,
      String outcome,
      UUID holdId,
      int attempts,
      String detail,
      String action) {
    boolean anonymise() {
      return ANONYMISE.equals(action);
    }

    SweepItem item() {
      return new SweepItem(rule, system, kind, subjectId, itemId, category, dueAt, holdId);
    }
  }

  private void carryOut(UUID run, String claim, RetentionProgress progress) {
    long total = count(run, null);
    for (int pass = 0; pass < ATTEMPTS; pass++) {
      int afterSeq = 0;
      while (true) {
        int from = afterSeq;
        List<Row> page =
            jdbi.withHandle(
                h ->
                    h.createQuery(
                            "select "
                                + ITEM_COLUMNS
                                + " from retention_item where run_id = :run and outcome ="
                                + " 'pending' and seq > :after order by seq"
                                + " limit "
                                + PAGE)
                        .bind("run", run)
                        .bind("after", from)
                        .map((rs, ctx) -> row(rs))
                        .list());
        if (page.isEmpty()) {
          break;
        }
        afterSeq = page.get(page.size() - 1).seq();
        for (List<Row> group : groups(page)) {
          checkClaim(run, claim);
          carryOut(run, group);
          progress.update(total - count(run, "pending"), total);
        }
      }
      if (count(run, "pending") == 0) {
        return;
      }
    }
  }

  /** Consecutive vault records of one subject and rule go in one deletion; the rest one by one. */
  private static List<List<Row>> groups(List<Row> page) {
    List<List<Row>> groups = new ArrayList<>();
    List<Row> current = new ArrayList<>();
    for (Row row : page) {
      boolean joins =
          !current.isEmpty()
              && row.kind() == SweepItem.Kind.RECORD
              && Planner.VAULT.equals(row.system())
              && current.get(0).kind() == SweepItem.Kind.RECORD
              && Planner.VAULT.equals(current.get(0).system())
              && row.subjectId().equals(current.get(0).subjectId())
              && row.rule().equals(current.get(0).rule())
              && row.action().equals(current.get(0).action());
      if (!joins && !current.isEmpty()) {
        groups.add(current);
        current = new ArrayList<>();
      }
      current.add(row);
    }
    if (!current.isEmpty()) {
      groups.add(current);
    }
    return groups;
  }

  private void checkClaim(UUID run, String claim) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    int claimed =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update retention_run set claimed_at = :at where id = :id and claim ="
                            + " :claim")
                    .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .bind("id", run)
                    .bind("claim", claim)
                    .execute());
    if (claimed == 0) {
      throw new ConflictException(
          "the retention run " + run + " was taken over by another process");
    }
  }

  private void carryOut(UUID run, List<Row> group) {
    // A hold placed since the run was planned wins over it.
    Map<Integer, UUID> heldNow =
        jdbi.inTransaction(
            h -> {
              Planner.HoldMatcher holds = new Planner.HoldMatcher(h);
              Map<Integer, UUID> held = new HashMap<>();
              for (Row row : group) {
                UUID hold = holds.apply(row.item()).holdId();
                if (hold != null) {
                  held.put(row.seq(), hold);
                }
              }
              return held;
            });
    List<Row> toDelete = group.stream().filter(r -> !heldNow.containsKey(r.seq())).toList();
    heldNow.forEach((seq, hold) -> outcome(run, seq, "held", hold, "held since planned"));
    if (toDelete.isEmpty()) {
      return;
    }
    Row first = toDelete.get(0);
    String reason = "retention rule " + first.rule() + ", run " + run;
    try {
      String detail = delete(run, first, toDelete, reason);
      jdbi.useTransaction(
          h -> {
            for (Row row : toDelete) {
              outcome(h, run, row.seq(), row.anonymise() ? "anonymised" : "deleted", null, detail);
            }
          });
    } catch (RuntimeException e) {
      // The system asks for a retry; its message holds no personal data (DataSystem's contract).
      String error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
      jdbi.useTransaction(
          h -> {
            for (Row row : toDelete) {
              boolean last = row.attempts() + 1 >= ATTEMPTS;
              h.createUpdate(
                      "update retention_item set attempts = attempts + 1, outcome = :outcome,"
                          + " detail = :detail, done_at = :at where run_id = :run and seq = :seq")
                  .bind("outcome", last ? "failed" : "pending")
                  .bind("detail", truncate(error))
                  .bind(
                      "at", last ? OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC) : null)
                  .bind("run", run)
                  .bind("seq", row.seq())
                  .execute();
            }
          });
    }
  }

  /** Carries out one group's deletion; returns the evidence to store (counts and ids only). */
  private String delete(UUID run, Row first, List<Row> rows, String reason) {
    if (Planner.VAULT.equals(first.system())) {
      if (first.kind() == SweepItem.Kind.RECORD) {
        Set<UUID> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(UUID.fromString(r.itemId())));
        try {
          String done = first.anonymise() ? "anonymised" : "deleted";
          int deleted =
              first.anonymise()
                  ? vault.anonymiseRecords(SYSTEM, first.subjectId(), ids, reason)
                  : vault.deleteRecords(SYSTEM, first.subjectId(), ids, reason, null);
          return deleted == ids.size()
              ? done
              : done + "; " + (ids.size() - deleted) + " already gone";
        } catch (SubjectNotFoundException e) {
          return "already gone with the subject";
        }
      }
      try {
        vault.erase(SYSTEM, first.subjectId(), reason, null, List.of());
        return "subject erased";
      } catch (SubjectNotFoundException e) {
        return "subject already gone";
      }
    }
    DataSystem system =
        systems.stream()
            .filter(s -> s.id().equals(first.system()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the system " + first.system() + " is no longer connected"));
    SystemResult result =
        switch (first.kind()) {
          case BY_AGE -> system.deleteOlderThan(first.itemId(), first.dueAt());
          case SUBJECT ->
              system.erase(
                  new SubjectRef(first.subjectId(), subjectType(first.subjectId()), run),
                  new ErasureScope(false, List.of()));
          case RECORD -> throw new IllegalStateException("records are the vault's");
        };
    return result.summary()
        + (result.ids().isEmpty() ? "" : "; ids=" + String.join(",", result.ids()));
  }

  private String subjectType(UUID subject) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select subject_type from vault_subject where id = :id")
                .bind("id", subject)
                .mapTo(String.class)
                .findOne()
                .orElse("unknown"));
  }

  private void outcome(UUID run, int seq, String outcome, UUID hold, String detail) {
    jdbi.useHandle(h -> outcome(h, run, seq, outcome, hold, detail));
  }

  private void outcome(Handle h, UUID run, int seq, String outcome, UUID hold, String detail) {
    h.createUpdate(
            "update retention_item set outcome = :outcome, hold_id = coalesce(cast(:hold as uuid), hold_id),"
                + " detail = :detail, done_at = :at where run_id = :run and seq = :seq and"
                + " outcome = 'pending'")
        .bind("outcome", outcome)
        .bindByType("hold", hold, UUID.class)
        .bind("detail", truncate(detail))
        .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .bind("run", run)
        .bind("seq", seq)
        .execute();
  }

  private long count(UUID run, String outcome) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select count(*) from retention_item where run_id = :run"
                        + (outcome == null ? "" : " and outcome = :outcome"))
                .bind("run", run)
                .bind("outcome", outcome)
                .mapTo(Long.class)
                .one());
  }

  private void finish(Principal actor, UUID run) {
    jdbi.useTransaction(
        h -> {
          long pending =
              h.createQuery(
                      "select count(*) from retention_item where run_id = :run and outcome ="
                          + " 'pending'")
                  .bind("run", run)
                  .mapTo(Long.class)
                  .one();
          if (pending > 0) {
            return;
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          Map<String, Object> body = body(h, run, now);
          Certificates.Signed signed = certificates.sign(body);
          h.createUpdate(
                  "update retention_run set state = 'finished', running = null, finished_at ="
                      + " :at, certificate = :doc, certificate_sha = :sha, signature = :sig,"
                      + " key_fingerprint = :key where id = :id")
              .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
              .bind("doc", signed.document())
              .bind("sha", signed.sha256())
              .bind("sig", signed.signature())
              .bind("key", signed.keyFingerprint())
              .bind("id", run)
              .execute();
          @SuppressWarnings("unchecked")
          Map<String, Integer> totals = (Map<String, Integer>) body.get("totals");
          audit.record(
              h,
              actor,
              "retention.run.finished",
              "retention-run",
              run.toString(),
              "ok",
              "deleted="
                  + totals.get("deleted")
                  + " anonymised="
                  + totals.getOrDefault("anonymised", 0)
                  + " held="
                  + totals.get("held")
                  + " failed="
                  + totals.get("failed")
                  + " sha256="
                  + signed.sha256());
        });
  }

  private Map<String, Object> body(Handle h, UUID run, Instant finishedAt) {
    Map<String, Object> runRow =
        h.createQuery(
                "select trigger_kind, policy_version, as_of, started_at from retention_run where id"
                    + " = :id")
            .bind("id", run)
            .map(
                (rs, ctx) -> {
                  Map<String, Object> m = new TreeMap<>();
                  m.put("trigger", rs.getString(1));
                  m.put("policyVersion", rs.getString(2));
                  m.put("asOf", Holds.instant(rs, "as_of").toString());
                  m.put("startedAt", Holds.instant(rs, "started_at").toString());
                  return m;
                })
            .one();
    List<Row> rows =
        h.createQuery(
                "select " + ITEM_COLUMNS + " from retention_item where run_id = :run order by seq")
            .bind("run", run)
            .map((rs, ctx) -> row(rs))
            .list();
    Map<String, RetentionRule> rules = new HashMap<>();
    policies
        .version((String) runRow.get("policyVersion"))
        .orElse(policies.current())
        .policy()
        .retentionRules()
        .forEach(r -> rules.put(r.id(), r));
    Map<String, List<Row>> byRule = new LinkedHashMap<>();
    rows.forEach(r -> byRule.computeIfAbsent(r.rule(), k -> new ArrayList<>()).add(r));
    List<Map<String, Object>> ruleEntries = new ArrayList<>();
    int deleted = 0;
    int anonymised = 0;
    int held = 0;
    int failed = 0;
    for (Map.Entry<String, List<Row>> entry : byRule.entrySet()) {
      Map<String, Object> rule = new TreeMap<>();
      rule.put("rule", entry.getKey());
      RetentionRule declared = rules.get(entry.getKey());
      if (declared != null) {
        rule.put("start", declared.start().name().toLowerCase(java.util.Locale.ROOT));
        rule.put("period", declared.period().toString());
        rule.put("action", declared.action().name().toLowerCase(java.util.Locale.ROOT));
      }
      Map<String, Integer> counts = new TreeMap<>();
      List<Map<String, Object>> items = new ArrayList<>();
      for (Row row : entry.getValue()) {
        counts.merge(row.outcome(), 1, Integer::sum);
        Map<String, Object> item = new TreeMap<>();
        item.put("system", row.system());
        item.put("kind", row.kind().code());
        item.put("id", row.itemId());
        if (row.subjectId() != null && row.kind() == SweepItem.Kind.RECORD) {
          item.put("subject", row.subjectId().toString());
        }
        if (row.category() != null) {
          item.put("category", row.category());
        }
        item.put("outcome", row.outcome());
        if (row.anonymise()) {
          item.put("action", ANONYMISE);
        }
        if (row.holdId() != null) {
          item.put("hold", row.holdId().toString());
        }
        if (row.kind() == SweepItem.Kind.BY_AGE) {
          item.put("cutoff", row.dueAt().toString());
          if (row.detail() != null) {
            item.put("evidence", row.detail());
          }
        }
        items.add(item);
      }
      rule.put("counts", counts);
      rule.put("items", items);
      deleted += counts.getOrDefault("deleted", 0);
      anonymised += counts.getOrDefault("anonymised", 0);
      held += counts.getOrDefault("held", 0);
      failed += counts.getOrDefault("failed", 0);
      ruleEntries.add(rule);
    }
    Map<String, Object> body = new TreeMap<>();
    body.put("format", Certificates.FORMAT);
    body.put("run", run.toString());
    body.putAll(runRow);
    body.put("finishedAt", finishedAt.toString());
    body.put("rules", ruleEntries);
    Map<String, Integer> totals = new TreeMap<>();
    totals.put("deleted", deleted);
    if (anonymised > 0) {
      totals.put("anonymised", anonymised);
    }
    totals.put("held", held);
    totals.put("failed", failed);
    body.put("totals", totals);
    return body;
  }

  private RunSummary summary(UUID run, boolean resumed) {
    return jdbi.withHandle(h -> summary(h, run, resumed));
  }

  private RunSummary summary(Handle h, UUID run, boolean resumed) {
    Map<String, Integer> counts =
        h
            .createQuery(
                "select outcome, count(*) from retention_item where run_id = :run group by"
                    + " outcome")
            .bind("run", run)
            .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    return h.createQuery("select " + RUN_COLUMNS + " from retention_run where id = :id")
        .bind("id", run)
        .map(
            (rs, ctx) ->
                new RunSummary(
                    run,
                    rs.getString("state"),
                    rs.getString("trigger_kind"),
                    rs.getString("policy_version"),
                    Holds.instant(rs, "as_of"),
                    Holds.instant(rs, "started_at"),
                    Holds.instant(rs, "finished_at"),
                    counts.getOrDefault("deleted", 0),
                    counts.getOrDefault("anonymised", 0),
                    counts.getOrDefault("held", 0),
                    counts.getOrDefault("failed", 0),
                    counts.getOrDefault("pending", 0),
                    rs.getString("certificate_sha"),
                    resumed))
        .one();
  }

  private SweepReport report(
      PublishedPolicy policy,
      Instant asOf,
      List<SweepItem> items,
      Map<String, String> notSwept,
      Map<UUID, Hold> holds) {
    Map<String, Map<String, Integer>> due = new LinkedHashMap<>();
    Map<String, Integer> held = new HashMap<>();
    List<SweepReport.HeldItem> heldItems = new ArrayList<>();
    for (RetentionRule rule : policy.policy().retentionRules()) {
      due.put(rule.id(), new TreeMap<>());
    }
    for (SweepItem item : items) {
      if (item.holdId() == null) {
        due.computeIfAbsent(item.ruleId(), k -> new TreeMap<>())
            .merge(item.system(), 1, Integer::sum);
      } else {
        held.merge(item.ruleId(), 1, Integer::sum);
        Hold hold = holds.get(item.holdId());
        heldItems.add(
            new SweepReport.HeldItem(
                item.ruleId(),
                item.system(),
                item.kind().code(),
                item.itemId(),
                item.category(),
                item.holdId().toString(),
                hold == null ? null : hold.scope().code(),
                hold == null ? null : hold.reason()));
      }
    }
    List<SweepReport.RuleCount> rules = new ArrayList<>();
    for (RetentionRule rule : policy.policy().retentionRules()) {
      rules.add(
          new SweepReport.RuleCount(
              rule.id(),
              rule.start().name().toLowerCase(java.util.Locale.ROOT),
              rule.period().toString(),
              due.get(rule.id()),
              held.getOrDefault(rule.id(), 0)));
    }
    return new SweepReport(asOf, policy.version(), rules, heldItems, notSwept);
  }

  private Map<UUID, Hold> holdsById() {
    Map<UUID, Hold> holds = new HashMap<>();
    jdbi.useHandle(h -> Holds.inForce(h).forEach(hold -> holds.put(hold.id(), hold)));
    return holds;
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getInt("seq"),
        rs.getString("rule_id"),
        rs.getString("system_id"),
        SweepItem.Kind.of(rs.getString("kind")),
        rs.getObject("subject_id", UUID.class),
        rs.getString("item_id"),
        rs.getString("category"),
        Holds.instant(rs, "due_at"),
        rs.getString("outcome"),
        rs.getObject("hold_id", UUID.class),
        rs.getInt("attempts"),
        rs.getString("detail"),
        rs.getString("action"));
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 4000 ? text : text.substring(0, 4000);
  }
}
