package dev.steward.breach;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident of the breach register as it stands: what staff recorded about it, the people it
 * reached, and the decision whether to notify. Texts are staff's; no value of a person appears.
 *
 * @param status {@code suspected}, {@code confirmed} or {@code dismissed}
 * @param beganAt when the breach began, if known
 * @param awareAt when the company became aware of it: the regulator's 72 hours run from here (GDPR
 *     Art. 33(1))
 * @param windowFrom the start of the time window of records it reached, if bounded
 * @param windowTo the end (exclusive) of that window, if bounded
 * @param affectedComputed the people the vault holds in those systems and categories and window,
 *     when counted
 * @param recordsComputed their records, when counted (Art. 33(3)(a): "approximate number of
 *     personal data records")
 * @param affected the number of people affected: the count, or the number staff set with a reason
 * @param risk {@code unassessed}, {@code unlikely}, {@code risk} or {@code high}
 * @param notifyRegulator the decision on telling the regulator, null before it is made
 * @param notifyIndividuals the decision on telling the people affected, null before it is made
 */
public record BreachIncident(
    UUID id,
    String status,
    String title,
    String whatHappened,
    Instant beganAt,
    Instant awareAt,
    String howFound,
    List<String> systems,
    List<String> categories,
    List<String> jurisdictions,
    Instant windowFrom,
    Instant windowTo,
    Integer affectedComputed,
    Integer recordsComputed,
    Integer affected,
    String affectedReason,
    String consequences,
    String measures,
    String risk,
    Boolean notifyRegulator,
    Boolean notifyIndividuals,
    String decisionReasoning,
    Instant decidedAt,
    Instant createdAt,
    Instant updatedAt) {

  public BreachIncident {
    systems = List.copyOf(systems);
    categories = List.copyOf(categories);
    jurisdictions = List.copyOf(jurisdictions);
  }

  public boolean dismissed() {
    return "dismissed".equals(status);
  }
}
