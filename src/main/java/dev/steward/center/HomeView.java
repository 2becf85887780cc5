package dev.steward.center;

import dev.steward.policy.Category;
import dev.steward.policy.Contact;
import dev.steward.policy.Dpo;
import dev.steward.policy.Entity;
import dev.steward.policy.OfferedDocument;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicy;
import dev.steward.policy.Purpose;
import dev.steward.policy.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the privacy center's home shows of the policy in force: purposes with the categories each
 * uses, who receives data, the contacts, the notice's versions. Words the policy's authors wrote
 * are shown as written, each with its language ({@link Written}), since a policy has one language.
 */
public record HomeView(
    boolean demo,
    String version,
    List<PurposeLine> purposes,
    List<Written> categories,
    List<RecipientLine> recipients,
    Optional<ContactLine> dpo,
    List<ContactLine> contacts,
    List<String> pastVersions,
    List<Written> documents) {

  /** A purpose and the categories it uses. */
  public record PurposeLine(Written name, List<Written> categories) {}

  /** A recipient and its kind's message key. */
  public record RecipientLine(Written name, String kind) {}

  /** A contact route: for whom, and its channels. */
  public record ContactLine(
      Written heading,
      List<Written> regions,
      Optional<String> email,
      Optional<String> phone,
      Optional<String> web,
      Optional<String> post) {}

  static HomeView of(PublishedPolicy inForce, List<PublishedPolicy> all) {
    Policy policy = inForce.policy();
    List<PurposeLine> purposes = new ArrayList<>();
    for (Purpose purpose : policy.purposes()) {
      purposes.add(
          new PurposeLine(
              Written.of(purpose.name()),
              purpose.categories().stream()
                  .map(id -> policy.category(id).map(Category::name).orElse(id))
                  .distinct()
                  .map(Written::of)
                  .toList()));
    }
    List<Written> categories =
        policy.categories().stream().map(Category::name).map(Written::of).toList();
    List<RecipientLine> recipients =
        policy.recipients().stream()
            .map(
                r ->
                    new RecipientLine(
                        Written.of(r.name()),
                        "center.home.recipient."
                            + r.kind().name().toLowerCase(java.util.Locale.ROOT)))
            .toList();
    Optional<ContactLine> dpo = policy.dpo().flatMap(d -> dpoLine(policy, d));
    List<ContactLine> contacts = new ArrayList<>();
    for (Entity entity : policy.entities()) {
      for (Contact contact : entity.contacts()) {
        contacts.add(contactLine(policy, entity, contact));
      }
    }
    List<String> past =
        all.stream()
            .map(PublishedPolicy::version)
            .filter(v -> !v.equals(inForce.version()))
            .toList();
    List<Written> documents =
        policy.documents().stream().map(OfferedDocument::name).map(Written::of).toList();
    return new HomeView(
        policy.demo(),
        inForce.version(),
        purposes,
        categories,
        recipients,
        dpo,
        contacts,
        past,
        documents);
  }

  private static Optional<ContactLine> dpoLine(Policy policy, Dpo dpo) {
    if (dpo.external().isPresent()) {
      Dpo.External e = dpo.external().get();
      return Optional.of(
          new ContactLine(
              Written.of(e.name()), List.of(), e.email(), e.phone(), e.web(), e.post()));
    }
    return dpo.contact()
        .flatMap(
            id ->
                policy.entities().stream()
                    .flatMap(entity -> entity.contacts().stream())
                    .filter(c -> c.id().equals(id))
                    .findFirst())
        .map(
            c ->
                new ContactLine(
                    Written.of(dpo.title().orElse("")),
                    regions(policy, c),
                    c.email(),
                    c.phone(),
                    c.web(),
                    c.post()));
  }

  private static ContactLine contactLine(Policy policy, Entity entity, Contact contact) {
    return new ContactLine(
        Written.of(
            contact
                .attention()
                .map(a -> entity.legalName() + " – " + a)
                .orElse(entity.legalName())),
        regions(policy, contact),
        contact.email(),
        contact.phone(),
        contact.web(),
        contact.post());
  }

  private static List<Written> regions(Policy policy, Contact contact) {
    return contact.regions().stream()
        .map(
            id ->
                policy.regions().stream()
                    .filter(r -> r.id().equals(id))
                    .map(Region::name)
                    .findFirst()
                    .orElse(id))
        .map(Written::of)
        .toList();
  }
}
