package dev.steward.policy;

import dev.steward.calendar.CalendarSpec;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A validated privacy policy: everything Steward needs to know about what data the company holds,
 * why, who gets it, and what people may ask for. Immutable and safe to share between threads; get
 * one from {@link PolicyChecker}.
 *
 * <p>Values the policy file leaves open carry the literal text {@value #UNSTATED}.
 *
 * @param version the company's version label, e.g. {@code 2019-10}
 * @param effectiveDate {@code YYYY-MM-DD} or {@code YYYY-MM}
 * @param identityTypes identity types declared beyond the built-in ones
 * @param categories the roots of the category tree; see {@link #allCategories()}
 * @param directedAtChildren whether the service is meant for children (16 CFR 312.2 "directed to
 *     children"), so the notice must not say it is not
 * @param financialYearEnd the last day of the company's financial year (default 31 December)
 * @param translations per language tag, each text of the file that is translated and its
 *     translation
 * @param demo whether this is a demonstration policy, such as the bundled one, whose notice names
 *     another company than the one running Steward
 */
public record Policy(
    String version,
    String effectiveDate,
    List<Region> regions,
    List<Entity> entities,
    List<JointController> jointControllers,
    Optional<Dpo> dpo,
    List<SubjectType> subjectTypes,
    List<CustomIdentityType> identityTypes,
    List<Category> categories,
    List<Source> sources,
    List<DataSystem> systems,
    List<Purpose> purposes,
    List<Recipient> recipients,
    List<Transfer> transfers,
    List<Tracker> trackers,
    List<Form> forms,
    List<RetentionRule> retentionRules,
    List<Exemption> exemptions,
    List<OfferedDocument> documents,
    List<Jurisdiction> jurisdictions,
    List<CalendarSpec> calendars,
    Optional<ChangeNotification> changeNotification,
    boolean directedAtChildren,
    MonthDay financialYearEnd,
    boolean demo,
    Map<String, Map<String, String>> translations) {

  /** What the policy file writes where the company's own documents say nothing. */
  public static final String UNSTATED = "unstated";

  public Policy {
    regions = List.copyOf(regions);
    entities = List.copyOf(entities);
    jointControllers = List.copyOf(jointControllers);
    subjectTypes = List.copyOf(subjectTypes);
    identityTypes = List.copyOf(identityTypes);
    categories = List.copyOf(categories);
    sources = List.copyOf(sources);
    systems = List.copyOf(systems);
    purposes = List.copyOf(purposes);
    recipients = List.copyOf(recipients);
    transfers = List.copyOf(transfers);
    trackers = List.copyOf(trackers);
    forms = List.copyOf(forms);
    retentionRules = List.copyOf(retentionRules);
    exemptions = List.copyOf(exemptions);
    documents = List.copyOf(documents);
    jurisdictions = List.copyOf(jurisdictions);
    calendars = List.copyOf(calendars);
    translations = Map.copyOf(translations);
  }

  /**
   * This policy with every text the file translates into {@code language} (a BCP 47 tag such as
   * {@code zh-CN}) replaced by its translation; ids, codes and untranslated texts stay as written.
   */
  public Policy localized(String language) {
    Map<String, String> texts = translations.getOrDefault(language, Map.of());
    return texts.isEmpty() ? this : Localizer.localize(this, texts);
  }

  /** Every category of the tree, parents before their children. */
  public List<Category> allCategories() {
    return categories.stream().flatMap(category -> category.flatten().stream()).toList();
  }

  public Optional<Category> category(String id) {
    return find(allCategories(), Category::id, id);
  }

  public Optional<Purpose> purpose(String id) {
    return find(purposes, Purpose::id, id);
  }

  public Optional<Jurisdiction> jurisdiction(String id) {
    return find(jurisdictions, Jurisdiction::id, id);
  }

  public Optional<CalendarSpec> calendar(String id) {
    return find(calendars, CalendarSpec::id, id);
  }

  /**
   * The last day of the financial year in which {@code date} falls: the day a retention period
   * starting at {@link RetentionRule.Start#FINANCIAL_YEAR_END} is counted from.
   */
  public LocalDate endOfFinancialYear(LocalDate date) {
    LocalDate end = financialYearEnd.atYear(date.getYear());
    return end.isBefore(date) ? financialYearEnd.atYear(date.getYear() + 1) : end;
  }

  /** The first day the policy is in force; a month-only date means its first day. */
  public Optional<LocalDate> effectiveFrom() {
    return parseEffectiveDate(effectiveDate);
  }

  static Optional<LocalDate> parseEffectiveDate(String text) {
    try {
      return Optional.of(
          text.length() == 7 ? YearMonth.parse(text).atDay(1) : LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static <T> Optional<T> find(List<T> items, Function<T, String> idOf, String id) {
    return items.stream().filter(item -> idOf.apply(item).equals(id)).findFirst();
  }
}
