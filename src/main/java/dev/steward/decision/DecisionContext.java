package dev.steward.decision;

import java.time.Instant;
import java.util.Locale;

/**
 * What the caller knows of the use beside the purpose: what it does with the data, the person's age
 * if it knows it, and the dates retention rules count from. Every field may be absent.
 *
 * @param activity what the system does with the data; {@link Activity#USE} when absent
 * @param age the person's age in years, when the system knows it
 * @param collectedAt when the data was collected (retention rules counted from collection)
 * @param relationshipEndedAt when the relationship ended, if the vault does not know
 * @param ageBand the age band the person declared, when the exact age is not known
 * @param jurisdiction the policy jurisdiction the person is under, when the caller knows it
 * @param country the person's country (ISO 3166-1 alpha-2), which leads to a jurisdiction and to a
 *     member state's own age of parental consent
 */
public record DecisionContext(
    Activity activity,
    Integer age,
    Instant collectedAt,
    Instant relationshipEndedAt,
    AgeBand ageBand,
    String jurisdiction,
    String country) {
  public static final DecisionContext NONE = new DecisionContext(Activity.USE, null, null, null);

  public DecisionContext {
    activity = activity == null ? Activity.USE : activity;
  }

  /** A context without age band, jurisdiction or country. */
  public DecisionContext(
      Activity activity, Integer age, Instant collectedAt, Instant relationshipEndedAt) {
    this(activity, age, collectedAt, relationshipEndedAt, null, null, null);
  }

  /**
   * A declared age band, {@code 13-15} or {@code 16+}: ages from {@code lowest} to {@code highest}
   * (null: no upper bound).
   */
  public record AgeBand(int lowest, Integer highest) {
    private static final java.util.regex.Pattern FORM =
        java.util.regex.Pattern.compile("(\\d{1,3})(?:-(\\d{1,3})|\\+)");

    /** The band written as {@code 13-15} or {@code 16+}; empty when it is not one. */
    public static java.util.Optional<AgeBand> parse(String text) {
      java.util.regex.Matcher m = text == null ? null : FORM.matcher(text);
      if (m == null || !m.matches()) {
        return java.util.Optional.empty();
      }
      int lowest = Integer.parseInt(m.group(1));
      Integer highest = m.group(2) == null ? null : Integer.parseInt(m.group(2));
      if (highest != null && highest < lowest || lowest > 150) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new AgeBand(lowest, highest));
    }
  }

  /** What a system does with the data. */
  public enum Activity {
    /** Any use: the default. */
    USE,
    /** Keeping it, nothing more (allowed under restriction, GDPR Art. 18(2)). */
    STORAGE,
    /** Deleting it (the only processing of a child under 13's data, COPPA). */
    DELETION,
    /** Establishing, exercising or defending legal claims (Art. 18(2)). */
    LEGAL_CLAIMS,
    /** Protecting the rights of another person (Art. 18(2)). */
    PROTECTION_OF_OTHERS,
    /** Important public interest of the Union or a member state (Art. 18(2)). */
    PUBLIC_INTEREST;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
