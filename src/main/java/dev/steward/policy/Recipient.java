package dev.steward.policy;

import java.util.List;
import java.util.Optional;

/**
 * Who receives personal data: a category of recipients, or a named one when {@code legalName} is
 * present.
 *
 * @param directMarketingDisclosure whether data goes to this recipient for its own direct
 *     marketing, which California's "Shine the Light" law (Civ. Code 1798.83) asks about
 * @param noticeContact where Steward tells this recipient that data disclosed to it was rectified,
 *     erased or restricted (GDPR Art. 19): a {@code mailto:} address or an {@code https://}
 *     endpoint; without one, each such notice is recorded as owed for staff to follow up
 */
public record Recipient(
    String id,
    String name,
    Kind kind,
    Optional<String> legalName,
    List<String> categories,
    List<String> purposes,
    boolean directMarketingDisclosure,
    Optional<String> country,
    Optional<String> noticeContact) {

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
