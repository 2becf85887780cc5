package dev.steward.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.calendar.CalendarSpec;
import dev.steward.calendar.Calendars;
import dev.steward.calendar.DeadlineRule;
import dev.steward.calendar.DeadlineRule.Count;
import dev.steward.calendar.LegalClock;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;

/** The bundled policy passes with warnings only, and encodes the source's facts. */
class BundledPolicyTest {
  private final CheckReport report = Fixtures.checker().checkBundled();
  private final Policy policy = Fixtures.checker().bundled();

  @Test
  void checkBundled_hasWarningsOnly() {
    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings()).isNotEmpty();
    assertThat(report.policy()).isPresent();
  }

  @Test
  void bundled_isMarkedAsTheDemonstrationItIs() {
    assertThat(policy.demo()).isTrue();
  }

  @Test
  void bundled_asksForReplacementsOfCustomerAndSupplierRepresentativesOnly() {
    assertThat(policy.subjectTypes())
        .filteredOn(SubjectType::replacementContact)
        .extracting(SubjectType::id)
        .containsExactlyInAnyOrder("customer-contacts", "supplier-contacts");
  }

  @Test
  void checkBundled_warnsAboutBlanketIdentityDocuments() {
    assertThat(report.warnings())
        .extracting(Problem::message)
        .contains(
            "every request under 'gdpr' requires identity documents, a blanket requirement",
            "every request under 'uk_gdpr' requires identity documents, a blanket requirement");
  }

  @Test
  void checkBundled_warnsAboutPiplConsentImpliedByUse() {
    assertThat(report.warnings())
        .extracting(Problem::message)
        .contains(
            "PIPL consent 'china-transfer' to cross border transfer is implied by use, not separate",
            "PIPL consent 'china-collection' to collection is implied by using the website");
  }

  @Test
  void checkBundled_warnsAtEveryUnstatedValue() {
    String text = PolicyChecker.bundledText();
    long unstated = text.lines().mapToLong(line -> countUnstated(line)).sum();

    assertThat(report.warnings())
        .filteredOn(problem -> problem.message().endsWith("is unstated"))
        .hasSize((int) unstated)
        .extracting(Problem::message)
        .contains("'duration' is unstated", "'location' is unstated", "'do_not_track' is unstated");
  }

  @Test
  void checkBundled_inLate2026_warnsThatChinaHas2027DataMissing() {
    Clock december = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);

    CheckReport late = new PolicyChecker(december).checkBundled();

    assertThat(late.errors()).isEmpty();
    assertThat(late.warnings())
        .extracting(Problem::message)
        .contains(
            "dated calendar 'cn-mainland' has no data for 2027 yet; the last year it covers is"
                + " 2026");
  }

  @Test
  void checkBundled_inLateDecember2026_staysValidAndWarnsThatPiplDeadlinesReachInto2027() {
    Clock lateDecember = Clock.fixed(Instant.parse("2026-12-20T00:00:00Z"), ZoneOffset.UTC);

    CheckReport late = new PolicyChecker(lateDecember).checkBundled();

    assertThat(late.errors()).isEmpty();
    assertThat(late.warnings())
        .extracting(Problem::message)
        .contains(
            "dated calendar 'cn-mainland' has no data for 2027, which a deadline counted from"
                + " 2026-12-20 needs; the last year it covers is 2026");
  }

  @Test
  void bundled_usFederalCalendar_addsColumbusDayOnTheSecondMondayOfOctober() {
    // 5 U.S.C. §6103(a); jollyday 1.5.0 lacks it at the federal level.
    CalendarSpec federal = policy.calendar("us-federal").orElseThrow();
    assertThat(federal.years()).isNotEmpty();
    federal
        .years()
        .forEach(
            (year, corrections) -> {
              LocalDate columbus =
                  LocalDate.of(year, 10, 1)
                      .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY));
              assertThat(corrections.holidays()).as("%s", year).containsExactly(columbus);
              assertThat(corrections.workingDays()).isEmpty();
            });
    assertThat(federal.years().keySet()).contains(2025, 2026, 2030, 2035);
  }

  @Test
  void bundled_coppaTargetAcrossColumbusDay2026_isMonday26October() {
    // COPPA's declared target, 10 business days on the federal calendar, from Friday 9 October
    // 2026: Monday 12 October is Columbus Day, so the tenth business day is 26 October, not 23.
    Jurisdiction coppa = policy.jurisdiction("coppa").orElseThrow();
    DeadlineRule target = coppa.right(RequestType.PARENTAL_DELETION).orElseThrow().deadline();
    LegalClock clock =
        new LegalClock(Calendars.of(policy.calendars()), coppa.zone(), Fixtures.CLOCK);
    Instant received = LocalDateTime.parse("2026-10-09T12:00").atZone(coppa.zone()).toInstant();

    assertThat(clock.dueDate(target, received).dueDate()).isEqualTo(LocalDate.parse("2026-10-26"));
  }

  @Test
  void bundled_encodesEntitiesContactsAndVersion() {
    assertThat(policy.version()).isEqualTo("2019-10");
    assertThat(policy.entities()).hasSize(5);
    assertThat(policy.entities())
        .flatExtracting(Entity::contacts)
        .extracting(contact -> contact.email().orElseThrow())
        .containsExactly("ccna-legal@chinacacheglobal.com", "emea@chinacache.com");
    assertThat(policy.dpo()).map(Dpo::entity).contains("cc-uk");
    assertThat(policy.purposes()).hasSize(13);
    assertThat(policy.categories())
        .extracting(Category::id)
        .startsWith("identification", "contact", "applicant", "compliance", "service", "device");
  }

  @Test
  void bundled_carriesTheDeadlinesOfTheRules() {
    assertThat(right("gdpr", RequestType.ACCESS).deadline())
        .isEqualTo(new DeadlineRule(Count.GDPR_MONTHS, 1, "gb-eng"));
    assertThat(right("uk_gdpr", RequestType.ERASURE).deadline())
        .isEqualTo(new DeadlineRule(Count.UK_MONTHS, 1, "gb-eng"));
    Jurisdiction.Right know = right("ccpa", RequestType.KNOW);
    assertThat(know.confirm()).contains(new DeadlineRule(Count.BUSINESS_DAYS, 10, "us-ca"));
    assertThat(know.deadline()).isEqualTo(new DeadlineRule(Count.CALENDAR_DAYS, 45, "us-ca"));
    assertThat(right("ccpa", RequestType.OPT_OUT_SALE_SHARING).verification())
        .isEqualTo(Verification.NONE);
    assertThat(right("customer-content", RequestType.CONTENT_REMOVAL).deadline())
        .isEqualTo(new DeadlineRule(Count.BUSINESS_DAYS, 30, "us-federal"));
    assertThat(right("pipl", RequestType.ERASURE).deadline())
        .isEqualTo(new DeadlineRule(Count.BUSINESS_DAYS, 15, "cn-mainland"));
    assertThat(right("hk_pdpo", RequestType.ACCESS).deadline())
        .isEqualTo(new DeadlineRule(Count.CALENDAR_DAYS, 40, "hk"));
  }

  @Test
  void bundled_chinaCalendarListsOnlyWeekendsAsAdjustedWorkingDays() {
    CalendarSpec china = policy.calendar("cn-mainland").orElseThrow();

    assertThat(china.source()).isEqualTo(CalendarSpec.Source.DATED);
    assertThat(china.years()).containsOnlyKeys(2024, 2025, 2026);
    assertThat(china.years().values())
        .flatExtracting(CalendarSpec.DatedYear::workingDays)
        .allSatisfy(
            day -> assertThat(day.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
  }

  @Test
  void bundled_retentionKeepsSixYearsAfterTheRelationship() {
    assertThat(policy.retentionRules())
        .extracting(rule -> rule.start() + " " + rule.period())
        .containsExactly("RELATIONSHIP_END P6Y", "MARKETING_OPT_OUT P0D", "LEARNED_UNDER_13 P0D");
  }

  @Test
  void bundled_formsCoverRecruitmentPortalTestimonialsAndOptInNewsletter() {
    assertThat(policy.forms())
        .extracting(Form::id, form -> form.subjectType().orElse(""))
        .contains(
            org.assertj.core.groups.Tuple.tuple("job-application", "job-applicants"),
            org.assertj.core.groups.Tuple.tuple("testimonial", "customer-contacts"),
            org.assertj.core.groups.Tuple.tuple("newsletter", "marketing-recipients"));
    Form newsletter =
        policy.forms().stream().filter(f -> f.id().equals("newsletter")).findFirst().orElseThrow();
    assertThat(newsletter.consentField()).contains("opt_in");
    assertThat(policy.purpose("newsletter").orElseThrow().isConsentBased()).isTrue();
    assertThat(policy.purpose("newsletter").orElseThrow().withdrawal())
        .contains(Channel.UNSUBSCRIBE_LINK);
  }

  @Test
  void bundled_objectionToDirectMarketing_needsNoDocumentsAndTakesTheUnsubscribeLink() {
    for (String jurisdiction : java.util.List.of("gdpr", "uk_gdpr")) {
      Jurisdiction.Right objection = right(jurisdiction, RequestType.OBJECTION);
      Jurisdiction.MarketingObjection marketing = objection.directMarketing().orElseThrow();

      assertThat(objection.verification()).isEqualTo(Verification.DOCUMENTS);
      assertThat(marketing.verification()).isEqualTo(Verification.NONE);
      assertThat(marketing.exercise()).contains(Channel.UNSUBSCRIBE_LINK, Channel.EMAIL);
    }
    assertThat(report.warnings())
        .extracting(Problem::message)
        .noneMatch(message -> message.contains("objection to direct marketing"));
  }

  @Test
  void bundled_cookiesAlsoProtectVideoContent() {
    assertThat(tracker("session-cookies").purposes()).contains("video-protection");
    assertThat(tracker("persistent-cookies").purposes()).contains("video-protection");
  }

  @Test
  void bundled_webLogsServeDemographicsAndPersonalisation() {
    assertThat(tracker("web-logs").purposes())
        .containsExactly("website-improvement", "demographics", "personalisation");
  }

  @Test
  void bundled_hiredCandidatesDataMovesToTheEmployeeRecords() {
    Purpose employment = policy.purpose("employment").orElseThrow();

    assertThat(employment.subjectTypes()).containsExactly("job-applicants");
    assertThat(employment.categories()).contains("applicant");
    assertThat(policy.systems())
        .filteredOn(system -> system.id().equals("employee-records"))
        .flatExtracting(DataSystem::categories)
        .contains("applicant");
  }

  @Test
  void bundled_transfers_stateThatNoneGoesToAnInternationalOrganisation() {
    assertThat(policy.transfers())
        .extracting(Transfer::internationalOrganisation)
        .containsOnly(java.util.Optional.of(false));
    assertThat(report.warnings())
        .extracting(Problem::message)
        .doesNotContain("'international_organisation' is unstated");
  }

  @Test
  void bundled_chinaKeepsContactDetailsOnTheMainlandAndPromisesNoSaleOrDisclosure() {
    assertThat(policy.systems())
        .filteredOn(system -> system.location().equals("CN"))
        .flatExtracting(DataSystem::categories)
        .contains("contact", "identification.name");
    assertThat(policy.jurisdiction("pipl").orElseThrow().commitments())
        .containsExactly(
            Jurisdiction.Commitment.NO_SALE, Jurisdiction.Commitment.NO_THIRD_PARTY_DISCLOSURE);
    assertThat(policy.jurisdiction("ccpa").orElseThrow().commitments())
        .containsExactly(Jurisdiction.Commitment.NO_SALE);
  }

  @Test
  void bundled_ccpaKnowDeleteAndCorrect_acceptAuthorizedAgents() {
    for (RequestType type :
        java.util.List.of(
            RequestType.KNOW, RequestType.KNOW_SPECIFIC, RequestType.DELETE, RequestType.CORRECT)) {
      assertThat(right("ccpa", type).authorizedAgent()).as(type.name()).isTrue();
    }
  }

  private Tracker tracker(String id) {
    return policy.trackers().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  private Jurisdiction.Right right(String jurisdiction, RequestType type) {
    return policy.jurisdiction(jurisdiction).orElseThrow().right(type).orElseThrow();
  }

  private static long countUnstated(String line) {
    String code = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
    return code.split(": unstated\\b", -1).length - 1;
  }
}
