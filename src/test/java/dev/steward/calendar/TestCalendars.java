package dev.steward.calendar;

import dev.steward.calendar.CalendarSpec.DatedYear;
import dev.steward.calendar.CalendarSpec.Source;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The calendars the bundled policy declares, built the way the policy loader builds them. */
final class TestCalendars {
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static final Clock FIXED_CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  private TestCalendars() {}

  static List<CalendarSpec> specs() {
    return List.of(
        jollyday("gb-eng", LONDON, "GB", "eng"),
        jollyday("us-federal", NEW_YORK, "US"),
        jollyday("us-ca", LOS_ANGELES, "US", "ca"),
        jollyday("hk", HONG_KONG, "HK"),
        new CalendarSpec(
            "cn-mainland", Source.DATED, SHANGHAI, "CN", List.of(), Map.of(2026, china2026())));
  }

  static Calendars calendars() {
    return Calendars.of(specs());
  }

  /** The clock of a jurisdiction in {@code zone} counting on these calendars. */
  static LegalClock legalClock(ZoneId zone) {
    return new LegalClock(calendars(), zone, FIXED_CLOCK);
  }

  /**
   * Clocks of jurisdictions each in the home zone of the calendar its rule names, as the bundled
   * policy pairs them (gb-eng in London, us-ca in Los Angeles ...).
   */
  static HomeZoneClock legalClock() {
    return new HomeZoneClock(calendars());
  }

  /** The zone of the bundled jurisdictions that count on {@code calendarId}. */
  static ZoneId homeZone(String calendarId) {
    return switch (calendarId) {
      case "gb-eng" -> LONDON;
      case "us-federal" -> NEW_YORK;
      case "us-ca" -> LOS_ANGELES;
      case "hk" -> HONG_KONG;
      case "cn-mainland" -> SHANGHAI;
      default -> ZoneOffset.UTC;
    };
  }

  /** A {@link LegalClock} per rule, in the home zone of the rule's calendar. */
  static final class HomeZoneClock {
    private final Calendars calendars;

    HomeZoneClock(Calendars calendars) {
      this.calendars = calendars;
    }

    LegalClock of(DeadlineRule rule) {
      return new LegalClock(calendars, homeZone(rule.calendarId()), FIXED_CLOCK);
    }

    Deadline dueDate(DeadlineRule rule, Instant received) {
      return of(rule).dueDate(rule, received);
    }

    Deadline confirmReceiptBy(DeadlineRule rule, Instant received) {
      return of(rule).confirmReceiptBy(rule, received);
    }

    java.util.Optional<Deadline> ukDueDate(DeadlineRule rule, UkClockInputs inputs) {
      return of(rule).ukDueDate(rule, inputs);
    }

    UkClock ukClock(
        DeadlineRule rule, java.util.Optional<DeadlineRule> extension, UkClockInputs inputs) {
      return of(rule).ukClock(rule, extension, inputs);
    }

    Deadline extend(Deadline original, DeadlineRule extension) {
      return of(extension).extend(original, extension);
    }

    boolean isOverdue(Deadline deadline) {
      return of(deadline.rule()).isOverdue(deadline);
    }

    java.time.Duration timeLeft(Deadline deadline) {
      return of(deadline.rule()).timeLeft(deadline);
    }
  }

  static CalendarSpec jollyday(String id, ZoneId zone, String country, String... subdivisions) {
    return new CalendarSpec(id, Source.JOLLYDAY, zone, country, List.of(subdivisions), Map.of());
  }

  /**
   * Mainland China 2026, from the State Council General Office's notice on the 2026 holiday
   * arrangements dated 4 November 2025, as published by Xinhua. Holidays include the weekend days
   * inside each break; working days are the weekend days worked in exchange.
   */
  static DatedYear china2026() {
    Set<LocalDate> holidays = new HashSet<>();
    addRange(holidays, "2026-01-01", "2026-01-03"); // New Year's Day
    addRange(holidays, "2026-02-15", "2026-02-23"); // Spring Festival
    addRange(holidays, "2026-04-04", "2026-04-06"); // Qingming
    addRange(holidays, "2026-05-01", "2026-05-05"); // Labour Day
    addRange(holidays, "2026-06-19", "2026-06-21"); // Dragon Boat Festival
    addRange(holidays, "2026-09-25", "2026-09-27"); // Mid-Autumn Festival
    addRange(holidays, "2026-10-01", "2026-10-07"); // National Day
    Set<LocalDate> workingDays =
        Set.of(
            LocalDate.parse("2026-01-04"),
            LocalDate.parse("2026-02-14"),
            LocalDate.parse("2026-02-28"),
            LocalDate.parse("2026-05-09"),
            LocalDate.parse("2026-09-20"),
            LocalDate.parse("2026-10-10"));
    return new DatedYear(holidays, workingDays);
  }

  private static void addRange(Set<LocalDate> into, String first, String last) {
    LocalDate end = LocalDate.parse(last);
    for (LocalDate d = LocalDate.parse(first); !d.isAfter(end); d = d.plusDays(1)) {
      into.add(d);
    }
  }

  /** The UTC instant of a wall-clock time in a zone. */
  static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }
}
