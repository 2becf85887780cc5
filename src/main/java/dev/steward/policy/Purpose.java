package dev.steward.policy;

import java.util.List;

/**
 * Why personal data is processed, on which legal bases, using which categories about whom.
 *
 * @param legalBases W3C DPV ids, e.g. {@code dpv:Contract}
 * @param withdrawal how a person withdraws consent; present for every consent-based purpose
 * @param topics what a direct-marketing purpose's messages are about, each subscribed to apart;
 *     empty when its messages are one list
 * @param doubleOptIn consent given by email for this purpose is pending until the person confirms
 *     it through a link sent to that address (docs/consent.md, "Double opt-in")
 */
public record Purpose(
    String id,
    String name,
    List<String> legalBases,
    List<String> categories,
    List<String> subjectTypes,
    boolean directMarketing,
    boolean saleOrSharing,
    boolean profiling,
    List<Channel> withdrawal,
    List<Topic> topics,
    boolean doubleOptIn) {

  public Purpose {
    topics = List.copyOf(topics);
    legalBases = List.copyOf(legalBases);
    categories = List.copyOf(categories);
    subjectTypes = List.copyOf(subjectTypes);
    withdrawal = List.copyOf(withdrawal);
  }

  public boolean isConsentBased() {
    return legalBases.stream().anyMatch(LegalBasis::isConsent);
  }

  /** The topic with this id, if the purpose declares one. */
  public java.util.Optional<Topic> topic(String id) {
    return topics.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** GDPR Art. 21(1): a person may object to processing on this basis. */
  public boolean reliesOnLegitimateInterest() {
    return legalBases.stream().anyMatch(LegalBasis::isLegitimateInterest);
  }
}
