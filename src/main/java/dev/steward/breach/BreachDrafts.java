package dev.steward.breach;

import dev.steward.policy.Category;
import dev.steward.policy.Contact;
import dev.steward.policy.DataSystem;
import dev.steward.policy.Entity;
import dev.steward.policy.Jurisdiction;
import dev.steward.policy.Policy;
import dev.steward.web.PageLanguage;
import dev.steward.web.Text;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the regulator's notification with the content GDPR Art. 33(3)(a)-(d) asks for, and the
 * letter to the people affected with what Art. 34(2) asks for (the nature of the breach in clear
 * and plain language, the contact point, the likely consequences and the measures), in English or
 * Simplified Chinese. The words are the {@code breach.letter.*} keys of the message bundles; what
 * staff wrote about the incident is quoted as written. Stateless and thread-safe.
 */
final class BreachDrafts {
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private BreachDrafts() {}

  /**
   * @param lateReasons the reasons recorded for telling a regulator late, and a line for each
   *     regulator clock now overdue (Art. 33(1): a notification after 72 hours gives the reasons)
   */
  static BreachDraft regulator(
      Policy policy, BreachIncident incident, Text text, List<String> lateReasons) {
    Policy local = localized(policy, text.language());
    List<String> lines = new ArrayList<>();
    lines.add(text.get("breach.letter.regulator.to"));
    lines.add(text.get("breach.letter.regulator.controller", controller(local, incident)));
    lines.add(text.get("breach.letter.reference", incident.id().toString()));
    lines.add("");
    lines.add(text.get("breach.letter.regulator.a"));
    lines.add(incident.whatHappened());
    lines.add(text.get("breach.letter.began", at(incident.beganAt(), text)));
    lines.add(text.get("breach.letter.aware", at(incident.awareAt(), text)));
    if (!incident.howFound().isBlank()) {
      lines.add(text.get("breach.letter.howFound", incident.howFound()));
    }
    lines.add(text.get("breach.letter.categories", categories(local, incident, text)));
    lines.add(text.get("breach.letter.systems", systems(local, incident)));
    lines.add(text.get("breach.letter.people", count(incident.affected(), text)));
    lines.add(text.get("breach.letter.records", count(incident.recordsComputed(), text)));
    lines.add("");
    lines.add(text.get("breach.letter.regulator.b"));
    lines.addAll(contact(local, incident, text));
    lines.add("");
    lines.add(text.get("breach.letter.regulator.c"));
    lines.add(orUnknown(incident.consequences(), text));
    lines.add("");
    lines.add(text.get("breach.letter.regulator.d"));
    lines.add(orUnknown(incident.measures(), text));
    lines.add("");
    lines.add(text.get("breach.letter.risk", text.get("breach.risk." + incident.risk())));
    if (!lateReasons.isEmpty()) {
      lines.add("");
      lines.add(text.get("breach.letter.regulator.delay"));
      lines.addAll(lateReasons);
    }
    return new BreachDraft(
        "regulator",
        text.language().tag(),
        text.get("breach.letter.regulator.subject", incident.title()),
        String.join("\n", lines) + "\n");
  }

  static BreachDraft individual(Policy policy, BreachIncident incident, Text text) {
    Policy local = localized(policy, text.language());
    List<String> lines = new ArrayList<>();
    lines.add(text.get("breach.letter.individual.greeting"));
    lines.add("");
    lines.add(text.get("breach.letter.individual.lead", controller(local, incident)));
    lines.add("");
    lines.add(text.get("breach.letter.individual.what"));
    lines.add(incident.whatHappened());
    lines.add(text.get("breach.letter.individual.data", categories(local, incident, text)));
    lines.add("");
    lines.add(text.get("breach.letter.individual.consequences"));
    lines.add(orUnknown(incident.consequences(), text));
    lines.add("");
    lines.add(text.get("breach.letter.individual.measures"));
    lines.add(orUnknown(incident.measures(), text));
    lines.add("");
    lines.add(text.get("breach.letter.individual.contact"));
    lines.addAll(contact(local, incident, text));
    lines.add("");
    lines.add(text.get("breach.letter.reference", incident.id().toString()));
    return new BreachDraft(
        "individual",
        text.language().tag(),
        text.get("breach.letter.individual.subject"),
        String.join("\n", lines) + "\n");
  }

  private static Policy localized(Policy policy, PageLanguage language) {
    return language == PageLanguage.EN ? policy : policy.localized(language.tag());
  }

  private static String controller(Policy policy, BreachIncident incident) {
    return firstJurisdiction(policy, incident)
        .flatMap(j -> entityOf(policy, j.controller()))
        .or(() -> policy.entities().stream().findFirst())
        .map(Entity::legalName)
        .orElse("");
  }

  private static Optional<Entity> entityOf(Policy policy, String id) {
    return policy.entities().stream().filter(e -> e.id().equals(id)).findFirst();
  }

  private static Optional<Jurisdiction> firstJurisdiction(Policy policy, BreachIncident incident) {
    return incident.jurisdictions().stream()
        .map(policy::jurisdiction)
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** Art. 33(3)(b): the DPO or other contact point, from the contact route of the jurisdiction. */
  private static List<String> contact(Policy policy, BreachIncident incident, Text text) {
    List<String> lines = new ArrayList<>();
    Optional<Contact> route =
        firstJurisdiction(policy, incident)
            .flatMap(
                j ->
                    policy.entities().stream()
                        .flatMap(e -> e.contacts().stream())
                        .filter(c -> c.id().equals(j.contact()))
                        .findFirst());
    route.ifPresent(
        c -> {
          c.attention().ifPresent(lines::add);
          c.email().ifPresent(v -> lines.add(text.get("breach.letter.email", v)));
          c.phone().ifPresent(v -> lines.add(text.get("breach.letter.phone", v)));
          c.post().ifPresent(v -> lines.add(text.get("breach.letter.post", v)));
        });
    if (lines.isEmpty()) {
      lines.add(text.get("breach.letter.noContact"));
    }
    return lines;
  }

  private static String categories(Policy policy, BreachIncident incident, Text text) {
    List<String> names = new ArrayList<>();
    for (String id : incident.categories()) {
      names.add(policy.category(id).map(Category::name).orElse(id));
    }
    return String.join(text.get("breach.letter.separator"), names);
  }

  private static String systems(Policy policy, BreachIncident incident) {
    List<String> names = new ArrayList<>();
    for (String id : incident.systems()) {
      names.add(
          policy.systems().stream()
              .filter(s -> s.id().equals(id))
              .map(DataSystem::name)
              .findFirst()
              .orElse(id));
    }
    return String.join("; ", names);
  }

  private static String at(Instant at, Text text) {
    return at == null ? text.get("breach.letter.unknown") : AT.format(at);
  }

  private static String count(Integer count, Text text) {
    return count == null ? text.get("breach.letter.unknown") : String.valueOf(count);
  }

  private static String orUnknown(String value, Text text) {
    return value == null || value.isBlank() ? text.get("breach.letter.unknown") : value;
  }
}
