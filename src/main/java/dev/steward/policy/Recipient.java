package dev.steward.policy;

import java.util.List;
import java.util.Optional;

/**
 * Who receives personal data: a category of recipients, or a named one when {@code legalName} is
 * present.
 *
 * @param directMarketingDisclosure whether data goes to this recipient for its own direct
 *     marketing, which California's "Shine the Light" law (Civ. Code 1798.83) asks about
 */
public record Recipient(
    String id,
    String name,
    Kind kind,
    Optional<String> legalName,
    List<String> categories,
    List<String> purposes,
    boolean directMarketingDisclosure,
    Optional<String> country) {

  public Recipient {
    categories = List.copyOf(categories);
    purposes = List.copyOf(purposes);
  }

  public boolean isNamed() {
    return legalName.isPresent();
  }

  public enum Kind {
    GROUP,
    PROCESSOR,
    SUB_PROCESSOR,
    AUTHORITY,
    THIRD_PARTY,
    PUBLIC
  }
}
