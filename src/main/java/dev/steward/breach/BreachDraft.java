package dev.steward.breach;

/**
 * A generated text for staff to check and send: the notification to a regulator, or the letter to
 * the people affected.
 *
 * @param kind {@code regulator} or {@code individual}
 * @param language {@code en} or {@code zh-CN}
 */
public record BreachDraft(String kind, String language, String subject, String body) {}
