package dev.steward.policy;

import dev.steward.calendar.CalendarSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The YAML of a starting policy. Each law brings the bundled defaults of docs/policy.md for its
 * deadlines and breach clocks; the company's own values are quoted as YAML strings, whatever they
 * hold. Single-use.
 */
final class StarterText {
  static final List<String> LAW_NAMES =
      List.of("gdpr", "uk_gdpr", "ccpa", "pipl", "hk_pdpo", "coppa");

  // The zone of each country whose holidays a starting file may count GDPR deadlines on: the EEA
  // states, and the UK, Switzerland and the US for a group answering from there.
  private static final Map<String, String> ZONES =
      Map.ofEntries(
          Map.entry("AT", "Europe/Vienna"),
          Map.entry("BE", "Europe/Brussels"),
          Map.entry("BG", "Europe/Sofia"),
          Map.entry("HR", "Europe/Zagreb"),
          Map.entry("CY", "Asia/Nicosia"),
          Map.entry("CZ", "Europe/Prague"),
          Map.entry("DK", "Europe/Copenhagen"),
          Map.entry("EE", "Europe/Tallinn"),
          Map.entry("FI", "Europe/Helsinki"),
          Map.entry("FR", "Europe/Paris"),
          Map.entry("DE", "Europe/Berlin"),
          Map.entry("GR", "Europe/Athens"),
          Map.entry("HU", "Europe/Budapest"),
          Map.entry("IE", "Europe/Dublin"),
          Map.entry("IT", "Europe/Rome"),
          Map.entry("LV", "Europe/Riga"),
          Map.entry("LT", "Europe/Vilnius"),
          Map.entry("LU", "Europe/Luxembourg"),
          Map.entry("MT", "Europe/Malta"),
          Map.entry("NL", "Europe/Amsterdam"),
          Map.entry("PL", "Europe/Warsaw"),
          Map.entry("PT", "Europe/Lisbon"),
          Map.entry("RO", "Europe/Bucharest"),
          Map.entry("SK", "Europe/Bratislava"),
          Map.entry("SI", "Europe/Ljubljana"),
          Map.entry("ES", "Europe/Madrid"),
          Map.entry("SE", "Europe/Stockholm"),
          Map.entry("IS", "Atlantic/Reykjavik"),
          Map.entry("LI", "Europe/Vaduz"),
          Map.entry("NO", "Europe/Oslo"),
          Map.entry("GB", "Europe/London"),
          Map.entry("CH", "Europe/Zurich"),
          Map.entry("US", "America/New_York"));

  private final StarterPolicy.Request request;
  private final List<String> ids;
  private final Map<Law, Integer> answering;
  private final Optional<CalendarSpec> china;
  private final StringBuilder out = new StringBuilder();
  private final Map<String, String> calendars = new LinkedHashMap<>();

  StarterText(
      StarterPolicy.Request request,
      List<String> ids,
      Map<Law, Integer> answering,
      Optional<CalendarSpec> china) {
    this.request = request;
    this.ids = ids;
    this.answering = answering;
    this.china = china;
  }

  static Optional<Law> law(String name) {
    return LAW_NAMES.contains(name)
        ? Optional.of(Law.valueOf(name.toUpperCase(Locale.ROOT)))
        : Optional.empty();
  }

  /** Whether an entity in this country answers for the law. */
  static Predicate<String> territory(Law law) {
    return switch (law) {
      case GDPR -> TransferRules.EEA::contains;
      case UK_GDPR -> "GB"::equals;
      case CCPA, COPPA -> "US"::equals;
      case PIPL -> "CN"::equals;
      case HK_PDPO -> "HK"::equals;
      case COMPANY -> country -> false;
    };
  }

  String yaml() {
    LocalDate date = request.effectiveDate();
    line(
        "# The privacy policy of "
            + request.entities().get(0).legalName()
            + ", as Steward reads it.");
    line("# Written by 'steward policy init' on " + date + " from the entities, contacts and laws");
    line("# given. The deadlines and breach clocks are the laws' (docs/policy.md). What only the");
    line(
        "# company knows is 'unstated' or empty: 'steward policy check' lists each value to state.");
    line("version: " + quote(request.version()));
    line("effective_date: " + date);
    line("");
    regions();
    entities();
    line("");
    line("subject_types:");
    line("  - {id: customers, name: Customers}");
    line("  - {id: website-visitors, name: People who visit the website}");
    line("");
    line("categories:");
    line("  - id: contact");
    line("    name: Contact details");
    line("    children:");
    line("      - {id: contact.name, name: Name}");
    line("      - {id: contact.email, name: Email address}");
    line("");
    line(
        "# One purpose to start from: name the legal basis of each (W3C DPV ids, docs/policy.md).");
    line("purposes:");
    line("  - id: service");
    line("    name: Providing our services and answering questions");
    line("    legal_bases: unstated");
    line("    categories: [contact]");
    line("    subject_types: [customers, website-visitors]");
    line("");
    line("# How long each category is kept, from which event: add a rule per category.");
    line("retention: []");
    line("");
    jurisdictions();
    line("calendars:");
    calendars.values().forEach(this::line);
    china.ifPresent(this::china);
    line("");
    line("change_notification: {channels: [email], scope: unstated}");
    return out.toString();
  }

  private void regions() {
    line("regions:");
    for (Law law : answering.keySet()) {
      line("  - {id: " + region(law) + ", name: " + regionName(law) + "}");
    }
    line("  - {id: elsewhere, name: Everywhere else}");
    line("");
  }

  private void entities() {
    line("entities:");
    for (int i = 0; i < ids.size(); i++) {
      StarterPolicy.Company company = request.entities().get(i);
      List<String> regions = new ArrayList<>();
      for (Map.Entry<Law, Integer> entry : answering.entrySet()) {
        if (entry.getValue() == i) {
          regions.add(region(entry.getKey()));
        }
      }
      if (i == 0) {
        regions.add("elsewhere");
      }
      line("  - id: " + ids.get(i));
      line("    legal_name: " + quote(company.legalName()));
      line("    country: " + company.country());
      line("    roles: [controller]");
      if (regions.isEmpty()) {
        continue;
      }
      line("    contacts:");
      line("      - id: " + ids.get(i) + "-privacy");
      line("        regions: [" + String.join(", ", regions) + "]");
      company.post().ifPresent(v -> line("        post: " + quote(v)));
      company.email().ifPresent(v -> line("        email: " + quote(v)));
      company.phone().ifPresent(v -> line("        phone: " + quote(v)));
      company.web().ifPresent(v -> line("        web: " + quote(v)));
    }
  }

  private void jurisdictions() {
    line("jurisdictions:");
    for (Map.Entry<Law, Integer> entry : answering.entrySet()) {
      Law law = entry.getKey();
      int entity = entry.getValue();
      String calendar = calendar(law, request.entities().get(entity).country());
      line("  - id: " + law.name().toLowerCase(Locale.ROOT));
      line("    name: " + regionName(law));
      line("    law: " + law.name().toLowerCase(Locale.ROOT));
      line("    zone: " + zone(law, request.entities().get(entity).country()));
      line("    calendar: " + calendar);
      line("    controller: " + ids.get(entity));
      line("    contact: " + ids.get(entity) + "-privacy");
      StarterRights.of(law, channels(request.entities().get(entity))).forEach(this::line);
      line("");
    }
  }

  /** The channels a person can use: those the entity gave. */
  private static List<String> channels(StarterPolicy.Company company) {
    List<String> channels = new ArrayList<>();
    company.email().ifPresent(v -> channels.add("email"));
    company.post().ifPresent(v -> channels.add("post"));
    company.phone().ifPresent(v -> channels.add("phone"));
    company.web().ifPresent(v -> channels.add("web_form"));
    return channels;
  }

  private String calendar(Law law, String country) {
    return switch (law) {
      case UK_GDPR -> jollyday("gb-eng", "Europe/London", "GB", "eng");
      case CCPA -> jollyday("us-ca", "America/Los_Angeles", "US", "ca");
      case COPPA -> jollyday("us-federal", "America/New_York", "US", null);
      case HK_PDPO -> jollyday("hk", "Asia/Hong_Kong", "HK", null);
      case PIPL -> "cn-mainland";
      case GDPR, COMPANY -> countryCalendar(country);
    };
  }

  // GDPR: the member state of the answering entity (RULES "Business days"); outside the EEA, the
  // answering entity's own country, which StarterPolicy checked to be one with a known zone.
  private String countryCalendar(String country) {
    return switch (country) {
      case "GB" -> jollyday("gb-eng", "Europe/London", "GB", "eng");
      case "US" -> jollyday("us-federal", "America/New_York", "US", null);
      default -> jollyday(country.toLowerCase(Locale.ROOT), ZONES.get(country), country, null);
    };
  }

  /** Whether a GDPR jurisdiction answered from this country has a zone and calendar here. */
  static boolean knowsCalendarOf(String country) {
    return ZONES.containsKey(country);
  }

  private String zone(Law law, String country) {
    return switch (law) {
      case UK_GDPR -> "Europe/London";
      case CCPA -> "America/Los_Angeles";
      case COPPA -> "America/New_York";
      case HK_PDPO -> "Asia/Hong_Kong";
      case PIPL -> "Asia/Shanghai";
      case GDPR, COMPANY -> ZONES.get(country);
    };
  }

  private String jollyday(String id, String zone, String country, String subdivision) {
    calendars.putIfAbsent(
        id,
        "  - {id: "
            + id
            + ", source: jollyday, zone: "
            + zone
            + ", country: "
            + country
            + (subdivision == null ? "" : ", subdivisions: [" + subdivision + "]")
            + "}");
    return id;
  }

  private void china(CalendarSpec spec) {
    line(
        "  # Mainland China: the State Council announces each year's holidays and the weekend days");
    line("  # that become working days late in the year before; add each new year as it comes.");
    line("  - id: cn-mainland");
    line("    source: dated");
    line("    zone: Asia/Shanghai");
    line("    country: CN");
    line("    years:");
    for (Map.Entry<Integer, CalendarSpec.DatedYear> year :
        new java.util.TreeMap<>(spec.years()).entrySet()) {
      line("      " + year.getKey() + ":");
      line("        holidays: " + dates(year.getValue().holidays()));
      line("        working_days: " + dates(year.getValue().workingDays()));
    }
  }

  private static String dates(java.util.Set<LocalDate> dates) {
    return "["
        + String.join(", ", new TreeSet<>(dates).stream().map(LocalDate::toString).toList())
        + "]";
  }

  private static String region(Law law) {
    return switch (law) {
      case GDPR -> "eea";
      case UK_GDPR -> "uk";
      case CCPA -> "california";
      case PIPL -> "mainland-china";
      case HK_PDPO -> "hong-kong";
      case COPPA -> "us-children";
      case COMPANY -> "elsewhere";
    };
  }

  private static String regionName(Law law) {
    return switch (law) {
      case GDPR -> "European Economic Area (GDPR)";
      case UK_GDPR -> "United Kingdom (UK GDPR)";
      case CCPA -> "California (CCPA)";
      case PIPL -> "Mainland China (PIPL)";
      case HK_PDPO -> "Hong Kong (PDPO)";
      case COPPA -> "Children under 13 in the United States (COPPA)";
      case COMPANY -> "Everywhere else";
    };
  }

  /** A YAML double-quoted scalar: safe for any text, including ':', '#' and quotes. */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
