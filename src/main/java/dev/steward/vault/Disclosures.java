package dev.steward.vault;

import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.vault.VaultVocabulary.Term;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The disclosure log: every time a subject's data goes to a recipient of the policy, for the access
 * report (GDPR Art. 15(1)(c)), Art. 19 notifications and Shine the Light answers. Recorded by the
 * API and by bulk import ({@link #record} takes a batch with one audit entry); read per subject or
 * per recipient. Stateless; thread-safe.
 */
public final class Disclosures {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Disclosures.class);
  private static final String COLUMNS =
      "id, subject_id, recipient, categories, disclosed_at, purpose, legal_basis, reason,"
          + " actor_type, actor_id, recorded_at, outside_policy";

  private final VaultContext vault;

  Disclosures(VaultContext vault) {
    this.vault = vault;
  }

  /**
   * A recorded disclosure's id, and what it gave beyond what the policy declares for its recipient
   * ({@code category:<id>}, {@code purpose:<id>}; empty when within it or unstated).
   */
  public record Recorded(UUID id, List<String> outsidePolicy) {
    public Recorded {
      outsidePolicy = List.copyOf(outsidePolicy);
    }
  }

  /** Records a batch in one transaction; every id is checked against the policy first. */
  public List<UUID> record(Principal actor, List<NewDisclosure> batch) {
    return ids(recordAll(actor, batch));
  }

  /** As {@link #record(Principal, List)}, answering what each disclosure gave beyond the policy. */
  public List<Recorded> recordAll(Principal actor, List<NewDisclosure> batch) {
    check(actor, batch);
    // Judged against the policy before the transaction: reading the policy may take a connection.
    List<List<String>> outside = outsidePolicy(batch);
    return vault.store().inTransaction(handle -> write(handle, actor, batch, outside));
  }

  /**
   * As {@link #record(Principal, List)}, in the caller's transaction on {@code handle}, so the
   * disclosures commit or roll back with the caller's work: a bulk import's batch records them from
   * its {@link ImportHook}. One audit entry for the batch.
   */
  public List<UUID> record(Handle handle, Principal actor, List<NewDisclosure> batch) {
    check(actor, batch);
    return ids(write(handle, actor, batch, outsidePolicy(batch)));
  }

  private static List<UUID> ids(List<Recorded> recorded) {
    return recorded.stream().map(Recorded::id).toList();
  }

  /**
   * What each disclosure gives beyond what the policy in force declares for its recipient. An
   * import repeats the same few recipients, categories and purposes: each is judged once.
   */
  private List<List<String>> outsidePolicy(List<NewDisclosure> batch) {
    Map<List<Object>, List<String>> judged = new HashMap<>();
    List<List<String>> outside = new ArrayList<>(batch.size());
    for (NewDisclosure disclosure : batch) {
      outside.add(
          judged.computeIfAbsent(
              List.of(
                  disclosure.recipient(),
                  new TreeSet<>(disclosure.categories()),
                  disclosure.purpose()),
              key ->
                  vault
                      .vocabulary()
                      .beyondDeclared(
                          disclosure.recipient(), disclosure.categories(), disclosure.purpose())));
    }
    return outside;
  }

  private void check(Principal actor, List<NewDisclosure> batch) {
    Checks.permit(vault, actor, Permission.SUBJECT_WRITE, "disclosure.record", "-");
    Checks checks = new Checks(vault);
    // An import repeats the same few ids on every row: each is checked once.
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      NewDisclosure disclosure = batch.get(i);
      String at = "disclosures/" + i;
      if (seen.add("recipient:" + disclosure.recipient())) {
        checks.known(Term.RECIPIENT, disclosure.recipient(), at + "/recipient");
      }
      if (seen.add("purpose:" + disclosure.purpose())) {
        checks.known(Term.PURPOSE, disclosure.purpose(), at + "/purpose");
      }
      if (seen.add("basis:" + disclosure.legalBasis())) {
        checks.known(Term.LEGAL_BASIS, disclosure.legalBasis(), at + "/legalBasis");
      }
      checks.text(disclosure.reason(), 500, false, at + "/reason");
      if (disclosure.categories().isEmpty()) {
        checks.problem(at + "/categories", "at least one category is needed");
      }
      for (String category : disclosure.categories()) {
        if (seen.add("category:" + category)) {
          checks.known(Term.CATEGORY, category, at + "/categories");
        }
      }
    }
    checks.orThrow();
  }

  private List<Recorded> write(
      Handle handle, Principal actor, List<NewDisclosure> batch, List<List<String>> outside) {
    Set<UUID> subjects = new LinkedHashSet<>();
    batch.forEach(disclosure -> subjects.add(disclosure.subjectId()));
    requireLive(handle, subjects);
    Instant now = vault.clock().instant();
    List<Recorded> recorded = new ArrayList<>(batch.size());
    var insert =
        handle.prepareBatch(
            "insert into vault_disclosure ("
                + COLUMNS
                + ") values (:id, :subject, :recipient, :categories, :at, :purpose,"
                + " :basis, :reason, :actorType, :actor, :now, :outside)");
    int outsidePolicy = 0;
    for (int i = 0; i < batch.size(); i++) {
      NewDisclosure disclosure = batch.get(i);
      UUID id = UUID.randomUUID();
      // Recorded as it happened either way; what the policy does not declare is marked for review.
      List<String> beyond = outside.get(i);
      recorded.add(new Recorded(id, beyond));
      if (!beyond.isEmpty()) {
        outsidePolicy++;
      }
      insert
          .bind("id", id)
          .bind("subject", disclosure.subjectId())
          .bind("recipient", disclosure.recipient())
          .bind("categories", String.join(",", new TreeSet<>(disclosure.categories())))
          .bind("at", disclosure.disclosedAt())
          .bind("purpose", disclosure.purpose())
          .bind("basis", disclosure.legalBasis())
          .bindByType("reason", disclosure.reason(), String.class)
          .bind("actorType", actor.actorType())
          .bind("actor", actor.actorId())
          .bind("now", now)
          .bindByType("outside", beyond.isEmpty() ? null : String.join(",", beyond), String.class)
          .add();
    }
    if (insert.size() > 0) {
      insert.execute();
    }
    bringNoticesForward(handle, batch);
    vault
        .audit()
        .record(
            handle,
            actor,
            "disclosure.record",
            "disclosure-batch",
            recorded.isEmpty() ? "-" : recorded.get(0).id().toString(),
            "ok",
            "disclosures="
                + batch.size()
                + " subjects="
                + subjects.size()
                + " outsidePolicy="
                + outsidePolicy);
    if (outsidePolicy > 0) {
      log.warn(
          "{} of {} disclosures recorded in batch {} go beyond what the policy declares for their"
              + " recipients; listed at /api/v1/disclosures/outside-policy",
          outsidePolicy,
          batch.size(),
          recorded.get(0).id());
    }
    return recorded;
  }

  /**
   * GDPR Art. 14(3)(c): where data obtained from another source is disclosed to a recipient, the
   * person must be told at the latest at that first disclosure. An open notice due later is brought
   * forward to the disclosure (the day in UTC, as the one-month default counts).
   */
  private static void bringNoticesForward(Handle handle, List<NewDisclosure> batch) {
    var update =
        handle.prepareBatch(
            "update art14_notice set due_at = :at, due_date = :date, rule = 'art14-3c-disclosure'"
                + " where subject_id = :subject and notified_at is null and due_at > :at");
    for (NewDisclosure disclosure : batch) {
      update
          .bind("subject", disclosure.subjectId())
          .bind("at", disclosure.disclosedAt())
          .bind("date", LocalDate.ofInstant(disclosure.disclosedAt(), ZoneOffset.UTC))
          .add();
    }
    if (update.size() > 0) {
      update.execute();
    }
  }

  /**
   * Refuses the batch when a subject is unknown, erased or being erased. One query per thousand
   * subjects; only ids not found directly (a merged subject's, say) are followed one by one.
   */
  private static void requireLive(Handle handle, Set<UUID> subjects) {
    Set<UUID> live = SubjectRows.liveAmong(handle, subjects, false);
    for (UUID subject : subjects) {
      if (!live.contains(subject)) {
        SubjectRows.live(handle, subject).orElseThrow(() -> new SubjectNotFoundException(subject));
      }
    }
  }

  /** Every disclosure of this subject's data, including those of subjects merged into it. */
  public List<Disclosure> ofSubject(Principal actor, UUID subjectId) {
    Checks.permit(vault, actor, Permission.SUBJECT_READ, "disclosure.list", subjectId);
    return vault
        .store()
        .inTransaction(
            handle -> {
              UUID id =
                  SubjectRows.live(handle, subjectId)
                      .orElseThrow(() -> new SubjectNotFoundException(subjectId))
                      .id();
              List<Disclosure> found =
                  handle
                      .createQuery(
                          "select "
                              + COLUMNS
                              + " from vault_disclosure where subject_id = :id or subject_id in"
                              + " (select merged_id from vault_subject_merge where survivor_id ="
                              + " :id) order by disclosed_at, id")
                      .bind("id", id)
                      .map((rs, ctx) -> map(rs))
                      .list();
              audit(actor, "subject", id.toString(), found.size());
              return found;
            });
  }

  /** Disclosures to one recipient from {@code from} (inclusive) to {@code to} (exclusive). */
  public List<Disclosure> toRecipient(
      Principal actor, String recipient, Instant from, Instant to, int limit) {
    Checks.permit(vault, actor, Permission.SUBJECT_READ, "disclosure.list", recipient);
    new Checks(vault).known(Term.RECIPIENT, recipient, "recipient").orThrow();
    return inPeriod(
        actor,
        "recipient = :recipient",
        Map.of("recipient", recipient),
        from,
        to,
        limit,
        "recipient",
        recipient);
  }

  /**
   * Disclosures from {@code from} (inclusive) to {@code to} (exclusive) that went beyond what the
   * policy declares for their recipients, oldest first: the privacy team's review list.
   */
  public List<Disclosure> outsidePolicy(Principal actor, Instant from, Instant to, int limit) {
    Checks.permit(vault, actor, Permission.SUBJECT_READ, "disclosure.list", "outside-policy");
    return inPeriod(
        actor,
        "outside_policy is not null",
        Map.of(),
        from,
        to,
        limit,
        "disclosure-review",
        "outside-policy");
  }

  /** The disclosures meeting {@code condition} in a period, oldest first, read and audited. */
  private List<Disclosure> inPeriod(
      Principal actor,
      String condition,
      Map<String, Object> arguments,
      Instant from,
      Instant to,
      int limit,
      String auditType,
      String auditId) {
    return vault
        .store()
        .inTransaction(
            handle -> {
              List<Disclosure> found =
                  handle
                      .createQuery(
                          "select "
                              + COLUMNS
                              + " from vault_disclosure where "
                              + condition
                              + " and disclosed_at >= :from and disclosed_at < :to"
                              + " order by disclosed_at, id limit :limit")
                      .bindMap(arguments)
                      .bind("from", from)
                      .bind("to", to)
                      .bind("limit", Math.max(1, Math.min(limit, 10_000)))
                      .map((rs, ctx) -> map(rs))
                      .list();
              audit(actor, auditType, auditId, found.size());
              return found;
            });
  }

  private void audit(Principal actor, String type, String id, int count) {
    vault.audit().record(actor, "disclosure.list", type, id, "ok", "disclosures=" + count);
  }

  private static Disclosure map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Disclosure(
        rs.getObject("id", UUID.class),
        rs.getObject("subject_id", UUID.class),
        rs.getString("recipient"),
        Arrays.asList(rs.getString("categories").split(",")),
        rs.getObject("disclosed_at", OffsetDateTime.class).toInstant(),
        rs.getString("purpose"),
        rs.getString("legal_basis"),
        rs.getString("reason"),
        rs.getString("actor_type"),
        rs.getString("actor_id"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        split(rs.getString("outside_policy")));
  }

  private static List<String> split(String joined) {
    return joined == null ? List.of() : Arrays.asList(joined.split(","));
  }
}
