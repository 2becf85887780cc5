package dev.steward.policy;

import java.time.Period;
import java.util.List;

/**
 * How long data is kept: for some categories or purposes, a period counted from a start event,
 * after which the action applies. A rule on a category covers its descendants.
 */
public record RetentionRule(
    String id,
    List<String> categories,
    List<String> purposes,
    Period period,
    Start start,
    Action action) {

  public RetentionRule {
    categories = List.copyOf(categories);
    purposes = List.copyOf(purposes);
  }

  /** The event from which the period is counted. */
  public enum Start {
    COLLECTION,
    RELATIONSHIP_END,
    MARKETING_OPT_OUT,
    CONSENT_WITHDRAWN,
    LEARNED_UNDER_13,
    /** The person's last sign-in to their account: accounts left unused are closed. */
    LAST_SIGN_IN,
    /** A decision the data served, such as on a job application (claims run from it). */
    DECISION,
    /**
     * The person's last activity that Steward records: a sign-in to the privacy center, data they
     * gave, a consent choice, a rights request (docs/retention.md).
     */
    LAST_ACTIVITY,
    /** The closing of the person's last rights request; none counts while one is open. */
    REQUEST_CLOSED,
    /**
     * The end of the financial year in which the data was recorded ({@link
     * Policy#endOfFinancialYear}), as accounting and tax laws count their retention.
     */
    FINANCIAL_YEAR_END
  }

  public enum Action {
    DELETE,
    ANONYMISE
  }
}
