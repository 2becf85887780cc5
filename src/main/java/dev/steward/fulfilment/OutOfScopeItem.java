package dev.steward.fulfilment;

/**
 * An item a deletion left alone because the law limits its scope, with the reason. Ids and codes
 * only, no personal data.
 *
 * @param source the policy's source id the item came from
 * @param reason why it is outside the scope, e.g. {@link #NOT_FROM_CONSUMER}
 */
public record OutOfScopeItem(
    String system, String id, String category, String source, String reason) {
  /**
   * Cal. Civ. Code §1798.105(a): the right reaches what the business collected from the consumer.
   */
  public static final String NOT_FROM_CONSUMER = "not_collected_from_consumer";
}
