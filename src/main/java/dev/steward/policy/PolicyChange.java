package dev.steward.policy;

/**
 * One difference between two policy versions.
 *
 * @param section the policy section, e.g. {@code purposes}
 * @param id the item's id within the section
 * @param kind added, removed or changed
 * @param detail what changed, in words, for the people who review it
 * @param significant whether people should be told of it (GDPR Art. 13(3), 14(4); the policy's own
 *     promise to notify of significant changes by email)
 */
public record PolicyChange(
    String section, String id, Kind kind, String detail, boolean significant) {

  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }
}
