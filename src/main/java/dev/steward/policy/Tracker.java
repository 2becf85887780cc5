package dev.steward.policy;

import java.util.List;

/**
 * A cookie or other tracking technology used on the website or in emails.
 *
 * @param provider who sets it: the company or a named third party, or {@code unstated}
 * @param purposes the ids of the purposes it serves; empty when the policy leaves them unstated
 * @param duration {@code session}, an ISO-8601 period such as {@code P1Y}, or {@code unstated}
 */
public record Tracker(
    String id,
    String name,
    Kind kind,
    String provider,
    Party party,
    List<String> purposes,
    String duration,
    ConsentCategory category,
    List<String> categories) {

  public Tracker {
    purposes = List.copyOf(purposes);
    categories = List.copyOf(categories);
  }

  public enum Kind {
    COOKIE,
    LOG,
    BEACON,
    FLASH,
    EMAIL_TRACKING
  }

  public enum Party {
    FIRST,
    THIRD
  }

  /** The group a cookie banner offers a choice for. */
  public enum ConsentCategory {
    STRICTLY_NECESSARY,
    FUNCTIONAL,
    ANALYTICS,
    ADVERTISING,
    UNSTATED
  }
}
