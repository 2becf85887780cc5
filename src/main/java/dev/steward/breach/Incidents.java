package dev.steward.breach;

import dev.steward.audit.AuditTrail;
import dev.steward.error.ConflictException;
import dev.steward.error.ForbiddenException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.NotFoundException;
import dev.steward.mail.Outbox;
import dev.steward.mail.OutboxEntry;
import dev.steward.mail.OutgoingMail;
import dev.steward.policy.Category;
import dev.steward.policy.DataSystem;
import dev.steward.policy.Jurisdiction;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.PublishedPolicy;
import dev.steward.policy.documents.PdfFont;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import dev.steward.vault.Vault;
import dev.steward.web.Messages;
import dev.steward.web.PageLanguage;
import dev.steward.web.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * The breach register (GDPR Art. 33(5): the controller documents every breach, its facts, effects
 * and remedial action). Incidents go from {@code suspected} to {@code confirmed} or {@code
 * dismissed}; every change is appended to the incident's timeline and audited in the same
 * transaction. Only {@code breach:manage} changes anything ({@code dpo}, {@code admin}); {@code
 * breach:read} reads ({@code auditor} too). Thread-safe.
 */
public final class Incidents {
  /** GDPR Art. 34 letters go to the person's email address, the category campaigns write to. */
  static final String EMAIL_CATEGORY = "contact.email";

  private static final Set<String> RISKS = Set.of("unassessed", "unlikely", "risk", "high");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int LIST_LIMIT = 500;

  private final Database database;
  private final PublishedPolicies policies;
  private final Vault vault;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final Clock clock;
  private final BreachClocks clocks;
  private final List<PeopleCounter> counters;
  private volatile Messages messages;

  /** A register whose count reaches the vault only: every other system's count is unknown. */
  public Incidents(
      Database database,
      PublishedPolicies policies,
      Vault vault,
      Outbox outbox,
      AuditTrail audit,
      Clock clock) {
    this(database, policies, vault, outbox, audit, clock, List.of());
  }

  /**
   * @param counters the connected systems that can count their people, by data-map system id
   */
  public Incidents(
      Database database,
      PublishedPolicies policies,
      Vault vault,
      Outbox outbox,
      AuditTrail audit,
      Clock clock,
      List<PeopleCounter> counters) {
    this.counters = List.copyOf(counters);
    this.database = database;
    this.policies = policies;
    this.vault = vault;
    this.outbox = outbox;
    this.audit = audit;
    this.clock = clock;
    this.clocks = new BreachClocks(clock);
  }

  // ---- reading

  /** The register, newest awareness first, each incident with its clocks as of now. */
  public List<BreachSummary> list(Principal caller) {
    permit(caller, Permission.BREACH_READ, "breach.list", "register");
    PublishedPolicy policy = policies.current();
    return database
        .jdbi()
        .withHandle(
            handle ->
                IncidentRows.all(handle, LIST_LIMIT).stream()
                    .map(
                        i ->
                            new BreachSummary(
                                i, clocks.of(policy, i, IncidentRows.givenAll(handle, i.id()))))
                    .toList());
  }

  public BreachDetail detail(Principal caller, UUID id) {
    permit(caller, Permission.BREACH_READ, "breach.read", id.toString());
    return database.jdbi().withHandle(handle -> detail(handle, id));
  }

  private BreachDetail detail(Handle handle, UUID id) {
    BreachIncident incident = IncidentRows.find(handle, id).orElseThrow(() -> notFound(id));
    List<BreachLetter> letters = new ArrayList<>();
    for (BreachLetter letter : IncidentRows.letters(handle, id)) {
      String status =
          outbox
              .find(letter.outboxId())
              .map(OutboxEntry::status)
              .map(s -> s.name().toLowerCase(Locale.ROOT))
              .orElse("unknown");
      letters.add(
          new BreachLetter(
              letter.subjectId(), letter.outboxId(), letter.language(), letter.sentAt(), status));
    }
    return new BreachDetail(
        incident,
        clocks.of(policies.current(), incident, IncidentRows.givenAll(handle, id)),
        IncidentRows.events(handle, id),
        letters,
        IncidentRows.systemCounts(handle, id),
        clock.instant());
  }

  // ---- changing

  /** Records a new incident, {@code suspected}, and its first timeline entry. */
  public BreachDetail record(Principal caller, NewBreach input) {
    permit(caller, Permission.BREACH_MANAGE, "breach.record", "new");
    Policy policy = policies.current().policy();
    List<FieldProblem> problems = new ArrayList<>();
    Instant now = clock.instant();
    List<String> jurisdictions =
        input.jurisdictions() == null
            ? policy.jurisdictions().stream()
                .filter(j -> !j.breach().isEmpty())
                .map(Jurisdiction::id)
                .toList()
            : input.jurisdictions();
    BreachIncident incident =
        new BreachIncident(
            UUID.randomUUID(),
            "suspected",
            text(input.title(), 200, true, "title", problems),
            text(input.whatHappened(), 4000, true, "whatHappened", problems),
            input.beganAt(),
            required(input.awareAt(), "awareAt", problems),
            text(input.howFound(), 2000, false, "howFound", problems),
            ids(input.systems(), systemIds(policy), "systems", problems),
            ids(input.categories(), categoryIds(policy), "categories", problems),
            ids(jurisdictions, jurisdictionIds(policy), "jurisdictions", problems),
            input.windowFrom(),
            input.windowTo(),
            null,
            null,
            null,
            null,
            text(input.consequences(), 4000, false, "consequences", problems),
            text(input.measures(), 4000, false, "measures", problems),
            risk(input.risk() == null ? "unassessed" : input.risk(), problems),
            null,
            null,
            null,
            null,
            now,
            now);
    times(incident, now, problems);
    refuseIf(problems);
    return database
        .jdbi()
        .inTransaction(
            handle -> {
              IncidentRows.insert(handle, incident);
              event(handle, caller, incident.id(), "recorded", incident.title());
              audit.record(
                  handle,
                  caller,
                  "breach.recorded",
                  "breach-incident",
                  incident.id().toString(),
                  "ok",
                  "jurisdictions=" + String.join(",", incident.jurisdictions()));
              return detail(handle, incident.id());
            });
  }

  /** Replaces the facts given; the reason for the change is required and kept in the timeline. */
  public BreachDetail change(Principal caller, UUID id, BreachChange change) {
    permit(caller, Permission.BREACH_MANAGE, "breach.changed", id.toString());
    Policy policy = policies.current().policy();
    List<FieldProblem> problems = new ArrayList<>();
    String reason = text(change.reason(), 1000, true, "reason", problems);
    refuseIf(problems);
    return update(
        caller,
        id,
        "changed",
        current -> {
          List<String> fields = new ArrayList<>();
          BreachIncident next =
              new BreachIncident(
                  current.id(),
                  current.status(),
                  pick(change.title(), current.title(), "title", 200, true, fields, problems),
                  pick(
                      change.whatHappened(),
                      current.whatHappened(),
                      "whatHappened",
                      4000,
                      true,
                      fields,
                      problems),
                  pickInstant(change.beganAt(), current.beganAt(), "beganAt", fields),
                  pickInstant(change.awareAt(), current.awareAt(), "awareAt", fields),
                  pick(
                      change.howFound(),
                      current.howFound(),
                      "howFound",
                      2000,
                      false,
                      fields,
                      problems),
                  pickIds(
                      change.systems(),
                      current.systems(),
                      systemIds(policy),
                      "systems",
                      fields,
                      problems),
                  pickIds(
                      change.categories(),
                      current.categories(),
                      categoryIds(policy),
                      "categories",
                      fields,
                      problems),
                  pickIds(
                      change.jurisdictions(),
                      current.jurisdictions(),
                      jurisdictionIds(policy),
                      "jurisdictions",
                      fields,
                      problems),
                  pickInstant(change.windowFrom(), current.windowFrom(), "windowFrom", fields),
                  pickInstant(change.windowTo(), current.windowTo(), "windowTo", fields),
                  current.affectedComputed(),
                  current.recordsComputed(),
                  current.affected(),
                  current.affectedReason(),
                  pick(
                      change.consequences(),
                      current.consequences(),
                      "consequences",
                      4000,
                      false,
                      fields,
                      problems),
                  pick(
                      change.measures(),
                      current.measures(),
                      "measures",
                      4000,
                      false,
                      fields,
                      problems),
                  change.risk() == null ? current.risk() : risk(change.risk(), problems),
                  current.notifyRegulator(),
                  current.notifyIndividuals(),
                  current.decisionReasoning(),
                  current.decidedAt(),
                  current.createdAt(),
                  clock.instant());
          if (change.risk() != null && !change.risk().equals(current.risk())) {
            fields.add("risk=" + next.risk());
          }
          times(next, clock.instant(), problems);
          if (fields.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("", "nothing to change was given"));
          }
          refuseIf(problems);
          return new Step(next, String.join(", ", fields) + ": " + reason);
        });
  }

  /** Confirms or dismisses a suspected incident, with why. */
  public BreachDetail setStatus(Principal caller, UUID id, String status, String reason) {
    permit(caller, Permission.BREACH_MANAGE, "breach.status", id.toString());
    List<FieldProblem> problems = new ArrayList<>();
    String why = text(reason, 1000, true, "reason", problems);
    if (!"confirmed".equals(status) && !"dismissed".equals(status)) {
      problems.add(new FieldProblem("status", "must be confirmed or dismissed"));
    }
    refuseIf(problems);
    return update(
        caller,
        id,
        status,
        current -> {
          if (!"suspected".equals(current.status())) {
            throw new ConflictException(
                "the incident is already " + current.status() + "; only a suspected one changes");
          }
          return new Step(withStatus(current, status), why);
        });
  }

  /**
   * Counts the people the vault holds in the incident's systems and categories, with records
   * collected in its window, and takes the count as the number affected unless staff set one.
   */
  public BreachDetail countAffected(Principal caller, UUID id) {
    permit(caller, Permission.BREACH_MANAGE, "breach.counted", id.toString());
    BreachIncident incident =
        database
            .jdbi()
            .withHandle(handle -> IncidentRows.find(handle, id).orElseThrow(() -> notFound(id)));
    Vault.Holding holding = holding(caller, incident);
    List<SystemCount> bySystem = bySystem(caller, incident);
    // The people affected are at least the vault's and at least any one system's own count.
    int computed =
        Math.max(
            holding.subjects().size(),
            bySystem.stream()
                .filter(c -> !c.unknown())
                .mapToInt(SystemCount::systemPeople)
                .max()
                .orElse(0));
    List<String> unknown =
        bySystem.stream().filter(SystemCount::unknown).map(SystemCount::system).toList();
    return update(
        caller,
        id,
        "affected-counted",
        (handle, current) -> {
          IncidentRows.replaceSystemCounts(handle, id, bySystem, clock.instant());
          BreachIncident next =
              new BreachIncident(
                  current.id(),
                  current.status(),
                  current.title(),
                  current.whatHappened(),
                  current.beganAt(),
                  current.awareAt(),
                  current.howFound(),
                  current.systems(),
                  current.categories(),
                  current.jurisdictions(),
                  current.windowFrom(),
                  current.windowTo(),
                  computed,
                  (int) Math.min(Integer.MAX_VALUE, holding.records()),
                  current.affectedReason() == null ? computed : current.affected(),
                  current.affectedReason(),
                  current.consequences(),
                  current.measures(),
                  current.risk(),
                  current.notifyRegulator(),
                  current.notifyIndividuals(),
                  current.decisionReasoning(),
                  current.decidedAt(),
                  current.createdAt(),
                  clock.instant());
          return new Step(
              next,
              "people="
                  + computed
                  + " vault-people="
                  + holding.subjects().size()
                  + " records="
                  + holding.records()
                  + " by-system="
                  + bySystem.stream()
                      .map(
                          c ->
                              c.system()
                                  + ":"
                                  + (c.unknown() ? "unknown" : c.systemPeople())
                                  + "/vault:"
                                  + c.vaultPeople())
                      .collect(java.util.stream.Collectors.joining(","))
                  + (unknown.isEmpty() ? "" : " unknown-for=" + String.join(",", unknown))
                  + " systems="
                  + String.join(",", current.systems())
                  + " categories="
                  + String.join(",", current.categories())
                  + " window="
                  + current.windowFrom()
                  + ".."
                  + current.windowTo());
        });
  }

  /** Sets the number of people affected by hand, with why (e.g. people outside the vault). */
  public BreachDetail setAffected(Principal caller, UUID id, Integer count, String reason) {
    permit(caller, Permission.BREACH_MANAGE, "breach.affected-set", id.toString());
    List<FieldProblem> problems = new ArrayList<>();
    String why = text(reason, 1000, true, "reason", problems);
    if (count == null || count < 0) {
      problems.add(new FieldProblem("count", "must be a whole number of at least 0"));
    }
    refuseIf(problems);
    return update(
        caller,
        id,
        "affected-set",
        current ->
            new Step(
                withAffected(current, count, why),
                "people=" + count + " (counted " + current.affectedComputed() + "): " + why));
  }

  /** The decision whether to tell the regulator and the people affected, and its reasoning. */
  public BreachDetail decide(
      Principal caller, UUID id, Boolean regulator, Boolean individuals, String reasoning) {
    permit(caller, Permission.BREACH_MANAGE, "breach.decided", id.toString());
    List<FieldProblem> problems = new ArrayList<>();
    String why = text(reasoning, 4000, true, "reasoning", problems);
    if (regulator == null) {
      problems.add(new FieldProblem("notifyRegulator", "is required: true or false"));
    }
    if (individuals == null) {
      problems.add(new FieldProblem("notifyIndividuals", "is required: true or false"));
    }
    refuseIf(problems);
    return update(
        caller,
        id,
        "decided",
        current ->
            new Step(
                withDecision(current, regulator, individuals, why, clock.instant()),
                "regulator=" + regulator + " individuals=" + individuals + ": " + why));
  }

  /**
   * Records that a regulator, or the people, of one jurisdiction were told at {@code at} (now when
   * null). Past the clock's due time a reason is required (GDPR Art. 33(1)).
   */
  public BreachDetail notified(
      Principal caller,
      UUID id,
      String jurisdiction,
      String audience,
      Instant at,
      String lateReason,
      String note) {
    permit(caller, Permission.BREACH_MANAGE, "breach.notified", id.toString());
    List<FieldProblem> problems = new ArrayList<>();
    String late = text(lateReason, 2000, false, "lateReason", problems);
    String said = text(note, 1000, false, "note", problems);
    if (!"regulator".equals(audience) && !"individuals".equals(audience)) {
      problems.add(new FieldProblem("audience", "must be regulator or individuals"));
    }
    Instant now = clock.instant();
    Instant when = at == null ? now : at;
    if (when.isAfter(now.plus(Duration.ofMinutes(5)))) {
      problems.add(new FieldProblem("notifiedAt", "cannot be in the future"));
    }
    refuseIf(problems);
    return update(
        caller,
        id,
        "notified",
        (handle, current) -> {
          if (current.dismissed()) {
            throw new ConflictException("the incident was dismissed");
          }
          if (!current.jurisdictions().contains(jurisdiction)) {
            refuseIf(List.of(new FieldProblem("jurisdiction", "is not one of the incident's")));
          }
          if (when.isBefore(current.awareAt())) {
            refuseIf(List.of(new FieldProblem("notifiedAt", "is before the company was aware")));
          }
          if (IncidentRows.given(handle, id, jurisdiction, audience)) {
            throw new ConflictException("that notice is already recorded");
          }
          requireReasonIfLate(
              handle, current, List.of(jurisdiction), audience, when, late, "lateReason");
          IncidentRows.give(handle, id, jurisdiction, audience, when, late, said, now);
          return new Step(
              current,
              jurisdiction
                  + " "
                  + audience
                  + " at "
                  + when
                  + (late.isEmpty() ? "" : " late: " + late)
                  + (said.isEmpty() ? "" : " (" + said + ")"));
        });
  }

  /** What a run of letters did. */
  public record LetterRun(int sent, int alreadySent, int withoutAddress) {}

  /**
   * Writes to every person the vault holds in the incident's selection, through the outbox, once
   * per person: a second run writes only to those not yet written to. The people are then recorded
   * as told under each of the incident's jurisdictions that has a clock for them, which needs
   * {@code lateReason} when that is past its due time.
   */
  public LetterRun sendLetters(Principal caller, UUID id, String language, String lateReason) {
    permit(caller, Permission.BREACH_MANAGE, "breach.letters", id.toString());
    List<FieldProblem> problems = new ArrayList<>();
    PageLanguage lang = PageLanguage.ofTag(language).orElse(null);
    if (lang == null) {
      problems.add(new FieldProblem("language", "must be en or zh-CN"));
    }
    String late = text(lateReason, 2000, false, "lateReason", problems);
    refuseIf(problems);
    BreachIncident incident =
        database
            .jdbi()
            .withHandle(handle -> IncidentRows.find(handle, id).orElseThrow(() -> notFound(id)));
    if (incident.dismissed()) {
      throw new ConflictException("the incident was dismissed");
    }
    if (!Boolean.TRUE.equals(incident.notifyIndividuals())) {
      throw new ConflictException("decide to notify the people affected first");
    }
    Instant now = clock.instant();
    database
        .jdbi()
        .useHandle(
            handle ->
                requireReasonIfLate(
                    handle,
                    incident,
                    incident.jurisdictions(),
                    "individuals",
                    now,
                    late,
                    "lateReason"));
    Policy policy = policies.current().policy();
    BreachDraft draft = BreachDrafts.individual(policy, incident, text(lang));
    Vault.Holding holding = holding(caller, incident);
    int sent = 0;
    int already = 0;
    int unreachable = 0;
    for (UUID subject : holding.subjects()) {
      if (database.jdbi().withHandle(h -> IncidentRows.lettered(h, id, subject))) {
        already++;
        continue;
      }
      Optional<String> address = address(caller, subject, id);
      if (address.isEmpty()) {
        unreachable++;
        continue;
      }
      OutgoingMail mail =
          OutgoingMail.text("letter.breach", address.get(), draft.subject(), draft.body())
              .relatedTo("breach-incident", id.toString());
      boolean wrote =
          database
              .jdbi()
              .inTransaction(
                  handle -> {
                    IncidentRows.lock(handle, id);
                    if (IncidentRows.lettered(handle, id, subject)) {
                      return false;
                    }
                    OutboxEntry entry = outbox.enqueue(handle, mail);
                    IncidentRows.letter(handle, id, subject, entry.id(), lang.tag(), now);
                    audit.record(
                        handle,
                        caller,
                        "breach.letter-sent",
                        "breach-incident",
                        id.toString(),
                        "ok",
                        "subject=" + subject + " outbox=" + entry.id());
                    return true;
                  });
      if (wrote) {
        sent++;
      } else {
        already++;
      }
    }
    int sentCount = sent;
    int alreadyCount = already;
    int unreachableCount = unreachable;
    update(
        caller,
        id,
        "letters-sent",
        (handle, current) -> {
          if (sentCount > 0) {
            PublishedPolicy published = policies.current();
            for (String jurisdiction : current.jurisdictions()) {
              boolean hasClock =
                  published
                      .policy()
                      .jurisdiction(jurisdiction)
                      .map(
                          j ->
                              j.breach().stream()
                                  .anyMatch(
                                      n ->
                                          n.to() == Jurisdiction.BreachNotice.Audience.INDIVIDUALS))
                      .orElse(false);
              if (hasClock && !IncidentRows.given(handle, id, jurisdiction, "individuals")) {
                IncidentRows.give(
                    handle,
                    id,
                    jurisdiction,
                    "individuals",
                    now,
                    late.isEmpty() ? null : late,
                    "letters",
                    now);
              }
            }
          }
          return new Step(
              current,
              "sent="
                  + sentCount
                  + " already="
                  + alreadyCount
                  + " without-address="
                  + unreachableCount
                  + " language="
                  + lang.tag()
                  + (late.isEmpty() ? "" : " late: " + late));
        });
    return new LetterRun(sent, already, unreachable);
  }

  /** The regulator's notification or the people's letter, as it would be sent now. */
  public BreachDraft draft(Principal caller, UUID id, String kind, String language) {
    permit(caller, Permission.BREACH_READ, "breach.draft", id.toString());
    PageLanguage lang =
        PageLanguage.ofTag(language)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "unknown language",
                        List.of(new FieldProblem("lang", "must be en or zh-CN"))));
    BreachDetail detail = detail(caller, id);
    Policy policy = policies.current().policy();
    Text text = text(lang);
    return switch (kind) {
      case "regulator" -> {
        List<String> delays = new ArrayList<>();
        for (BreachClock c : detail.clocks()) {
          if (!"regulator".equals(c.audience())) {
            continue;
          }
          if ("late".equals(c.state()) && c.lateReason() != null) {
            delays.add(c.jurisdictionName() + ": " + c.lateReason());
          } else if ("overdue".equals(c.state())) {
            delays.add(c.jurisdictionName() + ": " + text.get("breach.letter.delayOpen"));
          }
        }
        yield BreachDrafts.regulator(policy, detail.incident(), text, delays);
      }
      case "individual" -> BreachDrafts.individual(policy, detail.incident(), text);
      default ->
          throw new InvalidInputException(
              "unknown draft",
              List.of(new FieldProblem("kind", "must be regulator or individual")));
    };
  }

  /** The incident's whole record for a regulator as JSON, audited as exported. */
  public byte[] exportJson(Principal caller, UUID id) {
    BreachDetail detail = detail(caller, id);
    audit.record(caller, "breach.exported", "breach-incident", id.toString(), "ok", "json");
    return BreachExport.json(detail);
  }

  /** The incident's whole record for a regulator as a PDF in {@code language}, audited. */
  public byte[] exportPdf(Principal caller, UUID id, String language, PdfFont font) {
    PageLanguage lang =
        PageLanguage.ofTag(language)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "unknown language",
                        List.of(new FieldProblem("lang", "must be en or zh-CN"))));
    BreachDetail detail = detail(caller, id);
    byte[] pdf = BreachExport.pdf(detail, text(lang), font);
    audit.record(
        caller, "breach.exported", "breach-incident", id.toString(), "ok", "pdf " + lang.tag());
    return pdf;
  }

  // ---- helpers

  /**
   * Each system of the incident: the people the vault places there, and the system's own count when
   * a connected system can count (unknown otherwise).
   */
  private List<SystemCount> bySystem(Principal caller, BreachIncident incident) {
    List<SystemCount> counts = new ArrayList<>();
    Set<String> categories = new LinkedHashSet<>(incident.categories());
    for (String system : new LinkedHashSet<>(incident.systems())) {
      int inVault =
          vault
              .holders(
                  caller, Set.of(system), categories, incident.windowFrom(), incident.windowTo())
              .subjects()
              .size();
      Integer own = null;
      for (PeopleCounter counter : counters) {
        if (counter.systemId().equals(system)) {
          own =
              (int)
                  Math.min(
                      Integer.MAX_VALUE,
                      counter.countPeople(categories, incident.windowFrom(), incident.windowTo()));
        }
      }
      counts.add(new SystemCount(system, inVault, own));
    }
    return counts;
  }

  private Vault.Holding holding(Principal caller, BreachIncident incident) {
    if (incident.windowFrom() != null
        && incident.windowTo() != null
        && !incident.windowFrom().isBefore(incident.windowTo())) {
      refuseIf(List.of(new FieldProblem("windowTo", "must be after windowFrom")));
    }
    return vault.holders(
        caller,
        new LinkedHashSet<>(incident.systems()),
        new LinkedHashSet<>(incident.categories()),
        incident.windowFrom(),
        incident.windowTo());
  }

  /**
   * The person's email address as change campaigns find it: the value of their newest {@code
   * contact.email} record, the only record decrypted, the read audited with the incident.
   */
  private Optional<String> address(Principal caller, UUID subject, UUID incident) {
    return vault
        .newestValue(caller, subject, EMAIL_CATEGORY, "breach-incident " + incident)
        .map(String::strip)
        .filter(value -> EMAIL.matcher(value).matches());
  }

  private void requireReasonIfLate(
      Handle handle,
      BreachIncident incident,
      List<String> jurisdictions,
      String audience,
      Instant when,
      String late,
      String field) {
    if (!late.isEmpty()) {
      return;
    }
    for (BreachClock c :
        clocks.of(policies.current(), incident, IncidentRows.givenAll(handle, incident.id()))) {
      if (jurisdictions.contains(c.jurisdiction())
          && c.audience().equals(audience)
          && c.notifiedAt() == null
          && c.dueAt() != null
          && when.isAfter(c.dueAt())
          && !"not_applicable".equals(c.state())) {
        refuseIf(
            List.of(
                new FieldProblem(
                    field,
                    "the "
                        + c.jurisdictionName()
                        + " deadline passed at "
                        + c.dueAt()
                        + ": say why it is late (GDPR Art. 33(1))")));
      }
    }
  }

  /** One change: the incident as it becomes and the timeline's detail. */
  private record Step(BreachIncident next, String detail) {}

  private interface Change {
    Step apply(Handle handle, BreachIncident current);
  }

  private BreachDetail update(
      Principal caller, UUID id, String kind, java.util.function.Function<BreachIncident, Step> f) {
    return update(caller, id, kind, (Change) (handle, current) -> f.apply(current));
  }

  private BreachDetail update(Principal caller, UUID id, String kind, Change change) {
    return database
        .jdbi()
        .inTransaction(
            handle -> {
              BreachIncident current =
                  IncidentRows.lock(handle, id).orElseThrow(() -> notFound(id));
              if (current.dismissed()) {
                throw new ConflictException("the incident was dismissed and no longer changes");
              }
              Step step = change.apply(handle, current);
              if (step.next() != current) {
                IncidentRows.update(handle, step.next());
              }
              event(handle, caller, id, kind, step.detail());
              audit.record(
                  handle, caller, "breach." + kind, "breach-incident", id.toString(), "ok", null);
              return detail(handle, id);
            });
  }

  private void event(Handle handle, Principal caller, UUID id, String kind, String detail) {
    IncidentRows.event(
        handle, id, clock.instant(), caller.actorType(), caller.actorId(), kind, detail);
  }

  private void permit(Principal caller, Permission permission, String action, String object) {
    if (!caller.has(permission)) {
      audit.record(caller, action, "breach-incident", object, "denied", null);
      throw new ForbiddenException("this needs the " + permission.scope() + " permission");
    }
  }

  private Text text(PageLanguage language) {
    Messages loaded = messages;
    if (loaded == null) {
      loaded = Messages.load();
      messages = loaded;
    }
    return loaded.text(language);
  }

  private static NotFoundException notFound(UUID id) {
    return new NotFoundException("no incident " + id);
  }

  private static void refuseIf(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the incident cannot be changed as given", problems);
    }
  }

  private static String text(
      String value, int max, boolean required, String field, List<FieldProblem> problems) {
    String stripped = value == null ? "" : value.strip();
    if (required && stripped.isEmpty()) {
      problems.add(new FieldProblem(field, "is required"));
    } else if (stripped.length() > max) {
      problems.add(new FieldProblem(field, "is longer than " + max + " characters"));
    } else if (stripped.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      problems.add(new FieldProblem(field, "holds control characters"));
    }
    return stripped;
  }

  private static Instant required(Instant value, String field, List<FieldProblem> problems) {
    if (value == null) {
      problems.add(new FieldProblem(field, "is required"));
    }
    return value;
  }

  private static String risk(String value, List<FieldProblem> problems) {
    if (!RISKS.contains(value)) {
      problems.add(new FieldProblem("risk", "must be one of unassessed, unlikely, risk, high"));
      return "unassessed";
    }
    return value;
  }

  private static void times(BreachIncident i, Instant now, List<FieldProblem> problems) {
    Instant soon = now.plus(Duration.ofMinutes(5));
    if (i.awareAt() != null && i.awareAt().isAfter(soon)) {
      problems.add(new FieldProblem("awareAt", "cannot be in the future"));
    }
    if (i.beganAt() != null && i.awareAt() != null && i.beganAt().isAfter(i.awareAt())) {
      problems.add(new FieldProblem("beganAt", "cannot be after awareAt"));
    }
    if (i.windowFrom() != null && i.windowTo() != null && !i.windowFrom().isBefore(i.windowTo())) {
      problems.add(new FieldProblem("windowTo", "must be after windowFrom"));
    }
  }

  private static List<String> ids(
      List<String> given, Set<String> known, String field, List<FieldProblem> problems) {
    if (given == null || given.isEmpty()) {
      problems.add(new FieldProblem(field, "name at least one"));
      return List.of();
    }
    List<String> result = new ArrayList<>();
    for (String id : given) {
      if (id == null || !known.contains(id)) {
        problems.add(new FieldProblem(field, "holds an id the policy in force does not declare"));
        return List.of();
      }
      if (!result.contains(id)) {
        result.add(id);
      }
    }
    return result;
  }

  private static Set<String> systemIds(Policy policy) {
    Set<String> ids = new LinkedHashSet<>();
    policy.systems().stream().map(DataSystem::id).forEach(ids::add);
    return ids;
  }

  private static Set<String> categoryIds(Policy policy) {
    Set<String> ids = new LinkedHashSet<>();
    policy.allCategories().stream().map(Category::id).forEach(ids::add);
    return ids;
  }

  private static Set<String> jurisdictionIds(Policy policy) {
    Set<String> ids = new LinkedHashSet<>();
    policy.jurisdictions().stream().map(Jurisdiction::id).forEach(ids::add);
    return ids;
  }

  private static String pick(
      String given,
      String current,
      String field,
      int max,
      boolean required,
      List<String> fields,
      List<FieldProblem> problems) {
    if (given == null) {
      return current;
    }
    String value = text(given, max, required, field, problems);
    if (!value.equals(current)) {
      fields.add(field);
    }
    return value;
  }

  private static Instant pickInstant(
      Instant given, Instant current, String field, List<String> fields) {
    if (given == null) {
      return current;
    }
    if (!given.equals(current)) {
      fields.add(field + "=" + given);
    }
    return given;
  }

  private static List<String> pickIds(
      List<String> given,
      List<String> current,
      Set<String> known,
      String field,
      List<String> fields,
      List<FieldProblem> problems) {
    if (given == null) {
      return current;
    }
    List<String> value = ids(given, known, field, problems);
    if (!value.equals(current)) {
      fields.add(field + "=" + String.join(",", value));
    }
    return value;
  }

  private BreachIncident withStatus(BreachIncident c, String status) {
    return new BreachIncident(
        c.id(),
        status,
        c.title(),
        c.whatHappened(),
        c.beganAt(),
        c.awareAt(),
        c.howFound(),
        c.systems(),
        c.categories(),
        c.jurisdictions(),
        c.windowFrom(),
        c.windowTo(),
        c.affectedComputed(),
        c.recordsComputed(),
        c.affected(),
        c.affectedReason(),
        c.consequences(),
        c.measures(),
        c.risk(),
        c.notifyRegulator(),
        c.notifyIndividuals(),
        c.decisionReasoning(),
        c.decidedAt(),
        c.createdAt(),
        clock.instant());
  }

  private BreachIncident withAffected(BreachIncident c, Integer count, String reason) {
    return new BreachIncident(
        c.id(),
        c.status(),
        c.title(),
        c.whatHappened(),
        c.beganAt(),
        c.awareAt(),
        c.howFound(),
        c.systems(),
        c.categories(),
        c.jurisdictions(),
        c.windowFrom(),
        c.windowTo(),
        c.affectedComputed(),
        c.recordsComputed(),
        count,
        reason,
        c.consequences(),
        c.measures(),
        c.risk(),
        c.notifyRegulator(),
        c.notifyIndividuals(),
        c.decisionReasoning(),
        c.decidedAt(),
        c.createdAt(),
        clock.instant());
  }

  private static BreachIncident withDecision(
      BreachIncident c, Boolean regulator, Boolean individuals, String reasoning, Instant now) {
    return new BreachIncident(
        c.id(),
        c.status(),
        c.title(),
        c.whatHappened(),
        c.beganAt(),
        c.awareAt(),
        c.howFound(),
        c.systems(),
        c.categories(),
        c.jurisdictions(),
        c.windowFrom(),
        c.windowTo(),
        c.affectedComputed(),
        c.recordsComputed(),
        c.affected(),
        c.affectedReason(),
        c.consequences(),
        c.measures(),
        c.risk(),
        regulator,
        individuals,
        reasoning,
        now,
        c.createdAt(),
        now);
  }
}
