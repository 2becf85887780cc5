package dev.steward.policy;

import java.util.List;
import java.util.Optional;

/**
 * A flow of personal data across borders.
 *
 * @param from ISO 3166-1 alpha-2 code, or {@code EEA}
 * @param to ISO codes, {@code EEA}, or {@code WORLD} for "any other country"
 * @param consent how the person's consent is obtained where a mechanism is consent (PIPL Art. 39)
 * @param internationalOrganisation whether data goes to an international organisation (GDPR Art.
 *     4(26)); empty when the policy leaves it unstated
 */
public record Transfer(
    String id,
    String from,
    List<String> to,
    List<Mechanism> mechanisms,
    Optional<ConsentForm> consent,
    Optional<Boolean> internationalOrganisation,
    List<String> categories) {

  public Transfer {
    to = List.copyOf(to);
    mechanisms = List.copyOf(mechanisms);
    categories = List.copyOf(categories);
  }
}
