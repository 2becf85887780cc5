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

  public enum Start {
    COLLECTION,
    RELATIONSHIP_END,
    MARKETING_OPT_OUT,
    CONSENT_WITHDRAWN,
    LEARNED_UNDER_13
  }

  public enum Action {
    DELETE,
    ANONYMISE
  }
}
