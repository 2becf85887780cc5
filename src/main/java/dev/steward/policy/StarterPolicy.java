package dev.steward.policy;

import dev.steward.calendar.CalendarSpec;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a company's own starting policy file from its entities, their contact details and the laws
 * it answers to: the deadlines, breach clocks and calendars are the law's (the bundled defaults),
 * while what only the company knows (legal bases, systems, retention) is left {@code unstated} or
 * empty, so the checker lists each fact still to write. The file passes {@code policy check}.
 * Stateless and thread-safe.
 */
public final class StarterPolicy {
  private final PolicyChecker checker;

  public StarterPolicy(PolicyChecker checker) {
    this.checker = checker;
  }

  /**
   * One legal entity of the company and how people reach it (at least one channel).
   *
   * @param country ISO 3166-1 alpha-2 code
   */
  public record Company(
      String legalName,
      String country,
      Optional<String> email,
      Optional<String> phone,
      Optional<String> post,
      Optional<String> web) {}

  /**
   * What the starting file is written from.
   *
   * @param laws the laws whose rights people have: gdpr, uk_gdpr, ccpa, pipl, hk_pdpo, coppa
   */
  public record Request(
      List<Company> entities, List<String> laws, LocalDate effectiveDate, String version) {
    public Request {
      entities = List.copyOf(entities);
      laws = List.copyOf(laws);
    }
  }

  /**
   * The text of the starting file and the report of checking it.
   *
   * @throws InvalidInputException naming every bad entity, country, channel or law
   * @throws InvalidPolicyException if the file written does not pass the check
   */
  public Written write(Request request) {
    List<Law> laws = validate(request);
    List<String> ids = entityIds(request.entities());
    Map<Law, Integer> answering = new LinkedHashMap<>();
    for (Law law : laws) {
      answering.put(law, answeringEntity(law, request.entities()));
    }
    StarterText text = new StarterText(request, ids, answering, chinaCalendar(laws));
    String yaml = text.yaml();
    CheckReport report = checker.check("policy.yaml", yaml);
    report.orThrow();
    return new Written(yaml, report);
  }

  /** The file's text, and its check report (warnings only: the facts still to state). */
  public record Written(String yaml, CheckReport report) {}

  private static List<Law> validate(Request request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request.entities().isEmpty()) {
      problems.add(
          new FieldProblem("entity", "name at least one: --entity NAME --country CC --email ..."));
    }
    for (int i = 0; i < request.entities().size(); i++) {
      Company company = request.entities().get(i);
      String field = "entity " + (i + 1);
      if (company.legalName().isBlank()) {
        problems.add(new FieldProblem(field, "has no legal name"));
      }
      if (!Values.isCountry(company.country())) {
        problems.add(
            new FieldProblem(
                field,
                "'" + company.country() + "' is not an ISO 3166-1 alpha-2 country code, e.g. DE"));
      }
      if (company.email().isEmpty()
          && company.phone().isEmpty()
          && company.post().isEmpty()
          && company.web().isEmpty()) {
        problems.add(
            new FieldProblem(
                field,
                "'"
                    + company.legalName()
                    + "' needs a way to reach it: --email, --phone, --post"
                    + " or --web"));
      }
    }
    List<Law> laws = new ArrayList<>();
    for (String name : request.laws()) {
      Optional<Law> law = StarterText.law(name);
      if (law.isEmpty()) {
        problems.add(
            new FieldProblem(
                "jurisdiction",
                "'" + name + "' is not one of " + String.join(", ", StarterText.LAW_NAMES)));
      } else if (!laws.contains(law.get())) {
        laws.add(law.get());
      }
    }
    if (laws.contains(Law.GDPR)) {
      String country =
          request.entities().isEmpty()
              ? "IE"
              : request.entities().get(answeringEntity(Law.GDPR, request.entities())).country();
      if (Values.isCountry(country) && !StarterText.knowsCalendarOf(country)) {
        problems.add(
            new FieldProblem(
                "jurisdiction",
                "gdpr needs an entity in the EEA to count business days on its holidays: name your"
                    + " representative in the Union (GDPR Art. 27) as an entity"));
      }
    }
    if (request.laws().isEmpty()) {
      problems.add(
          new FieldProblem(
              "jurisdiction", "name at least one of " + String.join(", ", StarterText.LAW_NAMES)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(
          "cannot write a starting policy: "
              + String.join(
                  "; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()),
          problems);
    }
    return laws;
  }

  /** Lower-case ids from the legal names, made unique: "Acme GmbH" becomes {@code acme-gmbh}. */
  private static List<String> entityIds(List<Company> entities) {
    Set<String> taken = new LinkedHashSet<>();
    List<String> ids = new ArrayList<>();
    for (Company company : entities) {
      String base =
          company
              .legalName()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z0-9]+", "-")
              .replaceAll("(^-+|-+$)", "");
      base = base.isEmpty() ? "entity" : base;
      String id = base;
      for (int n = 2; !taken.add(id); n++) {
        id = base + "-" + n;
      }
      ids.add(id);
    }
    return ids;
  }

  /** The entity in the law's territory answers for it; without one, the first entity does. */
  private static int answeringEntity(Law law, List<Company> entities) {
    for (int i = 0; i < entities.size(); i++) {
      if (StarterText.territory(law).test(entities.get(i).country())) {
        return i;
      }
    }
    return 0;
  }

  /** Mainland China's dated holidays, as the bundled policy carries them (none without PIPL). */
  private Optional<CalendarSpec> chinaCalendar(List<Law> laws) {
    return laws.contains(Law.PIPL)
        ? checker.bundled().calendars().stream()
            .filter(c -> c.source() == CalendarSpec.Source.DATED && "CN".equals(c.country()))
            .findFirst()
        : Optional.empty();
  }
}
