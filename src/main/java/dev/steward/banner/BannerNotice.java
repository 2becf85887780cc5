package dev.steward.banner;

import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicy;
import dev.steward.policy.Purpose;
import dev.steward.policy.Tracker;
import dev.steward.policy.Tracker.ConsentCategory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the cookie banner offers, derived from the policy in force: the cookie categories its
 * trackers declare, the trackers in each (named as the policy names them, in the page's language),
 * and which of them amount to a sale or sharing. The notice revision is the policy version: a new
 * version asks every visitor again, since consent covers only what the person was told (GDPR Art.
 * 4(11), 7(1)). Trackers whose category the policy leaves {@code unstated} are offered no choice
 * ({@code steward policy check} warns about them). Immutable.
 *
 * @param revision the policy version in force
 * @param categories in a fixed order: strictly necessary (no choice), functional, analytics,
 *     advertising; only those the policy's trackers use
 */
public record BannerNotice(String revision, String controller, List<Category> categories) {

  /** The purpose id under which the ledger keeps a banner choice for one cookie category. */
  public static final String PURPOSE_PREFIX = "cookies:";

  public BannerNotice {
    categories = List.copyOf(categories);
  }

  /**
   * One cookie category of the banner.
   *
   * @param locked strictly necessary: always on, no choice (ePrivacy Directive Art. 5(3), second
   *     subparagraph)
   * @param saleOrSharing its trackers disclose data for cross-context behavioural advertising, or
   *     serve a purpose the policy marks as sale or sharing: "sharing" under Cal. Civ. Code
   *     1798.140(ah), so Global Privacy Control turns it off (11 CCR 7025)
   * @param trackers the trackers' names as the policy gives them
   * @param dataCategories the policy's data categories the trackers collect
   */
  public record Category(
      String id,
      boolean locked,
      boolean saleOrSharing,
      List<String> trackers,
      List<String> dataCategories) {
    public Category {
      trackers = List.copyOf(trackers);
      dataCategories = List.copyOf(dataCategories);
    }

    /** The ledger's purpose id for this category's choice. */
    public String purpose() {
      return PURPOSE_PREFIX + id;
    }
  }

  /** The banner for the published policy, with tracker names in {@code language} (en, zh-CN). */
  public static BannerNotice of(PublishedPolicy published, String language) {
    Policy policy = published.policy().localized(language);
    Map<ConsentCategory, List<Tracker>> grouped = new EnumMap<>(ConsentCategory.class);
    for (Tracker tracker : policy.trackers()) {
      if (tracker.category() != ConsentCategory.UNSTATED) {
        grouped.computeIfAbsent(tracker.category(), c -> new ArrayList<>()).add(tracker);
      }
    }
    List<Category> categories = new ArrayList<>();
    grouped.forEach(
        (category, trackers) -> {
          boolean sale = category == ConsentCategory.ADVERTISING;
          Set<String> data = new LinkedHashSet<>();
          for (Tracker tracker : trackers) {
            data.addAll(tracker.categories());
            for (String purpose : tracker.purposes()) {
              sale |= policy.purpose(purpose).map(Purpose::saleOrSharing).orElse(false);
            }
          }
          categories.add(
              new Category(
                  category.name().toLowerCase(Locale.ROOT),
                  category == ConsentCategory.STRICTLY_NECESSARY,
                  sale,
                  trackers.stream().map(Tracker::name).toList(),
                  List.copyOf(data)));
        });
    String controller =
        policy.jurisdictions().isEmpty() ? "" : policy.jurisdictions().get(0).controller();
    return new BannerNotice(published.version(), controller, categories);
  }

  /** The categories a visitor chooses (all but the strictly necessary). */
  public List<Category> choices() {
    return categories.stream().filter(c -> !c.locked()).toList();
  }

  public Optional<Category> category(String id) {
    return categories.stream().filter(c -> c.id().equals(id)).findFirst();
  }
}
