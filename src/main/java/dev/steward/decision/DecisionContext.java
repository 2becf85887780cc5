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
 */
public record DecisionContext(
    Activity activity, Integer age, Instant collectedAt, Instant relationshipEndedAt) {
  public static final DecisionContext NONE = new DecisionContext(Activity.USE, null, null, null);

  public DecisionContext {
    activity = activity == null ? Activity.USE : activity;
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
