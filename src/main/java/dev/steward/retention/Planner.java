package dev.steward.retention;

import dev.steward.fulfilment.DataSystem;
import dev.steward.fulfilment.Operation;
import dev.steward.policy.Category;
import dev.steward.policy.Policy;
import dev.steward.policy.RetentionRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Works out what the policy's retention rules make due at one instant: reads the vault's rows
 * (categories, purposes, dates; never a value) and the start events Steward records, and marks what
 * a legal hold keeps. Reads only; the sweep persists and carries out the plan.
 *
 * <p>Days are counted in UTC: a relationship that ended on a date ends at its first instant, and a
 * rule's period is added as a calendar period (six years from 1 March is 1 March, six years on).
 */
final class Planner {
  static final String VAULT = "vault";

  private final Policy policy;
  private final List<DataSystem> systems;

  /**
   * @param systems the connected data systems beside the vault
   */
  Planner(Policy policy, List<DataSystem> systems) {
    this.policy = policy;
    this.systems = List.copyOf(systems);
  }

  /** What is due at {@code asOf}, and the rules the sweep cannot count, with the reason. */
  record Plan(List<SweepItem> items, Map<String, String> notSwept) {}

  private record SubjectRow(LocalDate relationshipEnd, boolean under13, Instant createdAt) {}

  private record RecordRow(
      UUID id, UUID subjectId, String category, Set<String> purposes, Instant collectedAt) {}

  Plan plan(Handle handle, Instant asOf) {
    Map<String, String> notSwept = new LinkedHashMap<>();
    List<RetentionRule> rules = new ArrayList<>();
    for (RetentionRule rule : policy.retentionRules()) {
      String reason = unsupported(rule);
      if (reason == null) {
        rules.add(rule);
      } else {
        notSwept.put(rule.id(), reason);
      }
    }
    Map<UUID, SubjectRow> subjects = subjects(handle);
    Map<UUID, Instant> optedOut = marketingOptOuts(handle);
    Map<UUID, Instant> withdrawn = consentWithdrawals(handle);
    StartEvents events = new StartEvents(handle, policy, rules);
    Map<UUID, Integer> recordsHeld = new HashMap<>();
    List<SweepItem> records = new ArrayList<>();
    handle
        .createQuery(
            "select id, subject_id, category, purposes, collected_at from vault_record"
                + " order by subject_id, collected_at, id")
        .map(
            (rs, ctx) ->
                new RecordRow(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    Set.of(rs.getString(4).split(",")),
                    rs.getObject(5, OffsetDateTime.class).toInstant()))
        .useStream(
            stream ->
                stream.forEach(
                    row -> {
                      recordsHeld.merge(row.subjectId(), 1, Integer::sum);
                      SubjectRow subject = subjects.get(row.subjectId());
                      SweepItem due = null;
                      for (RetentionRule rule : rules) {
                        if (!covers(rule, row)) {
                          continue;
                        }
                        Instant start =
                            start(
                                rule,
                                row,
                                subject,
                                optedOut.get(row.subjectId()),
                                withdrawn.get(row.subjectId()),
                                events);
                        if (start == null) {
                          continue;
                        }
                        Instant dueAt =
                            start.atZone(ZoneOffset.UTC).plus(rule.period()).toInstant();
                        if (!dueAt.isAfter(asOf) && (due == null || dueAt.isBefore(due.dueAt()))) {
                          due =
                              new SweepItem(
                                  rule.id(),
                                  VAULT,
                                  SweepItem.Kind.RECORD,
                                  row.subjectId(),
                                  row.id().toString(),
                                  row.category(),
                                  dueAt,
                                  null);
                        }
                      }
                      if (due != null) {
                        records.add(due);
                      }
                    }));
    HoldMatcher holds = new HoldMatcher(handle);
    List<SweepItem> items = new ArrayList<>();
    Map<UUID, List<SweepItem>> dueBySubject = new LinkedHashMap<>();
    for (SweepItem record : records) {
      SweepItem item = holds.apply(record);
      items.add(item);
      dueBySubject.computeIfAbsent(item.subjectId(), id -> new ArrayList<>()).add(item);
    }
    // A person none of whose records is left, and none held, goes as a whole: their identities
    // too, in every connected system first (those find their rows through the vault's
    // identities), then in the vault by key destruction.
    List<SweepItem> vaultSubjects = new ArrayList<>();
    for (Map.Entry<UUID, List<SweepItem>> entry : dueBySubject.entrySet()) {
      List<SweepItem> due = entry.getValue();
      boolean allDue = due.size() == recordsHeld.getOrDefault(entry.getKey(), 0);
      if (!allDue || due.stream().anyMatch(i -> i.holdId() != null)) {
        continue;
      }
      SweepItem last = due.stream().max(Comparator.comparing(SweepItem::dueAt)).orElseThrow();
      for (DataSystem system : systems) {
        if (system.supports(Operation.ERASE)) {
          items.add(
              holds.apply(
                  new SweepItem(
                      last.ruleId(),
                      system.id(),
                      SweepItem.Kind.SUBJECT,
                      entry.getKey(),
                      entry.getKey().toString(),
                      null,
                      last.dueAt(),
                      null)));
        }
      }
      vaultSubjects.add(
          holds.apply(
              new SweepItem(
                  last.ruleId(),
                  VAULT,
                  SweepItem.Kind.SUBJECT,
                  entry.getKey(),
                  entry.getKey().toString(),
                  null,
                  last.dueAt(),
                  null)));
    }
    for (RetentionRule rule : rules) {
      // A connected system deletes by age; it has no way to anonymise.
      if (rule.start() != RetentionRule.Start.COLLECTION
          || rule.action() != RetentionRule.Action.DELETE) {
        continue;
      }
      Instant cutoff = asOf.atZone(ZoneOffset.UTC).minus(rule.period()).toInstant();
      for (DataSystem system : systems) {
        if (!system.supports(Operation.DELETE_BY_AGE)) {
          continue;
        }
        for (String category : rule.categories()) {
          items.add(
              holds.apply(
                  new SweepItem(
                      rule.id(),
                      system.id(),
                      SweepItem.Kind.BY_AGE,
                      null,
                      category,
                      category,
                      cutoff,
                      null)));
        }
      }
    }
    items.addAll(vaultSubjects);
    return new Plan(items, notSwept);
  }

  /** Why a rule is not swept, or null when it is. */
  private static String unsupported(RetentionRule rule) {
    return switch (rule.start()) {
      case LAST_SIGN_IN ->
          "Steward records no sign-ins to the company's accounts; last_activity counts from what"
              + " Steward records";
      case DECISION ->
          "Steward records no decisions such as on a job application; request_closed counts from"
              + " the closing of rights requests";
      default -> null;
    };
  }

  private static boolean covers(RetentionRule rule, RecordRow row) {
    for (String category : rule.categories()) {
      if (Category.covers(category, row.category())) {
        return true;
      }
    }
    for (String purpose : rule.purposes()) {
      if (row.purposes().contains(purpose)) {
        return true;
      }
    }
    return false;
  }

  private Instant start(
      RetentionRule rule,
      RecordRow row,
      SubjectRow subject,
      Instant optedOut,
      Instant withdrawn,
      StartEvents events) {
    return switch (rule.start()) {
      case COLLECTION -> row.collectedAt();
      case RELATIONSHIP_END ->
          subject == null || subject.relationshipEnd() == null
              ? null
              : subject.relationshipEnd().atStartOfDay(ZoneOffset.UTC).toInstant();
      case MARKETING_OPT_OUT -> optedOut;
      case CONSENT_WITHDRAWN -> withdrawn;
      // The vault keeps whether, not when, a person was found to be under 13: the period counts
      // from the subject's creation, the earliest it could have been learned. The policy check
      // allows only rules that delete at once from this event, so nothing goes early.
      case LEARNED_UNDER_13 -> subject != null && subject.under13() ? subject.createdAt() : null;
      case FINANCIAL_YEAR_END ->
          policy
              .endOfFinancialYear(LocalDate.ofInstant(row.collectedAt(), ZoneOffset.UTC))
              .plusDays(1)
              .atStartOfDay(ZoneOffset.UTC)
              .toInstant();
      case LAST_ACTIVITY ->
          events.lastActivity(row.subjectId(), subject == null ? null : subject.createdAt());
      case REQUEST_CLOSED -> events.requestClosed(row.subjectId());
      case LAST_SIGN_IN, DECISION -> null;
    };
  }

  private static Map<UUID, SubjectRow> subjects(Handle handle) {
    Map<UUID, SubjectRow> subjects = new HashMap<>();
    handle
        .createQuery("select id, relationship_end, under_13, created_at from vault_subject")
        .map(
            (rs, ctx) -> {
              subjects.put(
                  rs.getObject(1, UUID.class),
                  new SubjectRow(
                      rs.getObject(2, LocalDate.class),
                      Boolean.TRUE.equals(rs.getObject(3, Boolean.class)),
                      rs.getObject(4, OffsetDateTime.class).toInstant()));
              return 0;
            })
        .list();
    return subjects;
  }

  /**
   * Since when each subject has objected to direct marketing (GDPR Art. 21(3)), as the consent
   * feature records it: by subject, by an identity of theirs or by a device linked to them. The
   * opt-out counted is the first one after the party's last opt-in.
   */
  private static Map<UUID, Instant> marketingOptOuts(Handle handle) {
    Map<String, Instant> byParty = new HashMap<>();
    handle
        .createQuery(
            "select party, action, occurred_at from opt_out_event where kind = 'direct_marketing'"
                + " order by occurred_at, id")
        .map(
            (rs, ctx) -> {
              String party = rs.getString(1);
              if ("opt_out".equals(rs.getString(2))) {
                byParty.putIfAbsent(party, rs.getObject(3, OffsetDateTime.class).toInstant());
              } else {
                byParty.remove(party);
              }
              return 0;
            })
        .list();
    Map<UUID, Instant> bySubject = new HashMap<>();
    if (byParty.isEmpty()) {
      return bySubject;
    }
    Map<String, List<UUID>> identities = new HashMap<>();
    handle
        .createQuery("select 'identity:' || hash, subject_id from vault_identity")
        .map(
            (rs, ctx) -> {
              identities
                  .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                  .add(rs.getObject(2, UUID.class));
              return 0;
            })
        .list();
    handle
        .createQuery("select 'device:' || device_id, subject_id from consent_device_link")
        .map(
            (rs, ctx) -> {
              identities
                  .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                  .add(rs.getObject(2, UUID.class));
              return 0;
            })
        .list();
    byParty.forEach(
        (party, since) -> {
          List<UUID> reached =
              party.startsWith("subject:")
                  ? List.of(UUID.fromString(party.substring("subject:".length())))
                  : identities.getOrDefault(party, List.of());
          for (UUID subject : reached) {
            bySubject.merge(subject, since, (a, b) -> a.isBefore(b) ? a : b);
          }
        });
    return bySubject;
  }

  /** When each subject's last consent was withdrawn in full (the consent record's own date). */
  private static Map<UUID, Instant> consentWithdrawals(Handle handle) {
    Map<UUID, Instant> withdrawn = new HashMap<>();
    handle
        .createQuery(
            "select subject_id, max(withdrawn_at) from consent_record where withdrawn_at is not"
                + " null group by subject_id")
        .map(
            (rs, ctx) -> {
              withdrawn.put(
                  rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant());
              return 0;
            })
        .list();
    return withdrawn;
  }

  /** The holds in force, applied to items: the first that keeps an item is named. */
  static final class HoldMatcher {
    private final List<Hold> holds;
    private final Map<String, Set<UUID>> caseSubjects = new HashMap<>();
    private final Handle handle;

    HoldMatcher(Handle handle) {
      this.handle = handle;
      this.holds = Holds.inForce(handle);
    }

    SweepItem apply(SweepItem item) {
      for (Hold hold : holds) {
        if (keeps(hold, item)) {
          return item.heldBy(hold.id());
        }
      }
      return item;
    }

    private boolean keeps(Hold hold, SweepItem item) {
      return switch (hold.scope()) {
        case SYSTEM -> hold.target().equals(item.system());
        // A deletion by age cannot leave one person out in the system that runs it.
        case SUBJECT ->
            item.kind() == SweepItem.Kind.BY_AGE
                || hold.target().equals(String.valueOf(item.subjectId()));
        case CASE ->
            item.kind() == SweepItem.Kind.BY_AGE
                || caseSubjects(hold.target()).contains(item.subjectId());
        // Erasing a whole person elsewhere would take the held category with it.
        case CATEGORY ->
            item.category() == null
                ? item.kind() == SweepItem.Kind.SUBJECT && !VAULT.equals(item.system())
                : Category.covers(hold.target(), item.category())
                    || Category.covers(item.category(), hold.target());
      };
    }

    private Set<UUID> caseSubjects(String reference) {
      return caseSubjects.computeIfAbsent(
          reference,
          r ->
              new HashSet<>(
                  handle
                      .createQuery(
                          "select r.subject_id from rights_request r where r.reference = :ref"
                              + " and r.subject_id is not null union select p.subject_id from"
                              + " fulfilment_plan p join rights_request r on r.id = p.request_id"
                              + " where r.reference = :ref and p.subject_id is not null")
                      .bind("ref", r)
                      .mapTo(UUID.class)
                      .list()));
    }
  }

  static String join(Set<String> values) {
    return String.join(",", values.stream().sorted().toList());
  }

  static Set<String> split(String joined) {
    return joined == null || joined.isEmpty() ? Set.of() : Set.of(joined.split(","));
  }

  static List<String> list(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
