package dev.steward.breach;

import dev.steward.calendar.Calendars;
import dev.steward.calendar.LegalClock;
import dev.steward.policy.CalendarsByVersion;
import dev.steward.policy.Jurisdiction;
import dev.steward.policy.Jurisdiction.BreachNotice;
import dev.steward.policy.PublishedPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The breach clocks of an incident, from the breach notices of its jurisdictions in the policy in
 * force (RULES.md, "Breach clocks"): GDPR and UK GDPR give the regulator 72 hours of elapsed time
 * from awareness (Art. 33(1)); PIPL asks for both notices immediately (Art. 57); California gives
 * residents 30 calendar days from discovery and its Attorney General 15 days from the residents'
 * notice when more than 500 were affected (Civ. Code 1798.82, as amended by SB 446). Each count
 * runs in its jurisdiction's zone on its declared calendar ({@link LegalClock}). Thread-safe.
 */
final class BreachClocks {
  private final Clock clock;
  private final CalendarsByVersion calendars = new CalendarsByVersion();

  BreachClocks(Clock clock) {
    this.clock = clock;
  }

  /** A notice recorded as given: to whom under which jurisdiction, when, and why late if late. */
  record Given(String jurisdiction, String audience, Instant at, String lateReason) {}

  List<BreachClock> of(PublishedPolicy policy, BreachIncident incident, List<Given> given) {
    Instant now = clock.instant();
    Calendars built = calendars.of(policy);
    List<BreachClock> clocks = new ArrayList<>();
    for (String id : incident.jurisdictions()) {
      Jurisdiction jurisdiction = policy.policy().jurisdiction(id).orElse(null);
      if (jurisdiction == null) {
        continue; // a jurisdiction a later policy dropped; the incident keeps its id
      }
      LegalClock legal = new LegalClock(built, jurisdiction.zone(), clock);
      for (BreachNotice notice : jurisdiction.breach()) {
        clocks.add(clock(legal, jurisdiction, notice, incident, given, now));
      }
    }
    return clocks;
  }

  private static BreachClock clock(
      LegalClock legal,
      Jurisdiction jurisdiction,
      BreachNotice notice,
      BreachIncident incident,
      List<Given> given,
      Instant now) {
    String audience = lower(notice.to());
    Given done = find(given, jurisdiction.id(), audience);
    Instant start =
        switch (notice.countedFrom()) {
          case AWARENESS -> incident.awareAt();
          // Civ. Code 1798.82(f): the Attorney General's copy follows the residents' notice.
          case INDIVIDUALS_NOTIFIED -> {
            Given residents = find(given, jurisdiction.id(), "individuals");
            yield residents == null ? null : residents.at();
          }
        };
    Instant due =
        start != null && notice.timing() == BreachNotice.Timing.WITHIN
            ? legal.dueDate(notice.within().orElseThrow(), start).dueAt()
            : null;
    boolean tooFew =
        notice.moreThan().isPresent()
            && incident.affected() != null
            && incident.affected() <= notice.moreThan().getAsInt();
    boolean declined =
        notice.to() == BreachNotice.Audience.REGULATOR
            ? Boolean.FALSE.equals(incident.notifyRegulator())
            : Boolean.FALSE.equals(incident.notifyIndividuals());
    String state;
    if (done != null) {
      state = due != null && done.at().isAfter(due) ? "late" : "met";
    } else if (incident.dismissed()) {
      state = "closed";
    } else if (tooFew) {
      state = "not_applicable";
    } else if (declined) {
      state = "not_notifying";
    } else if (start == null) {
      state = "waiting";
    } else if (due != null && now.isAfter(due)) {
      state = "overdue";
    } else {
      state = "open";
    }
    return new BreachClock(
        jurisdiction.id(),
        jurisdiction.name(),
        audience,
        lower(notice.timing()),
        lower(notice.countedFrom()),
        notice.moreThan().isPresent() ? notice.moreThan().getAsInt() : null,
        notice.condition().orElse(null),
        due,
        state,
        due == null ? null : Duration.between(now, due).toSeconds(),
        done == null ? null : done.at(),
        done == null ? null : done.lateReason());
  }

  private static Given find(List<Given> given, String jurisdiction, String audience) {
    return given.stream()
        .filter(g -> g.jurisdiction().equals(jurisdiction) && g.audience().equals(audience))
        .findFirst()
        .orElse(null);
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
