package dev.steward.fulfilment;

import dev.steward.fulfilment.PackageView.AuthorityView;
import dev.steward.fulfilment.PackageView.CategoryView;
import dev.steward.fulfilment.PackageView.ItemView;
import dev.steward.fulfilment.PackageView.RightView;
import dev.steward.policy.Category;
import dev.steward.policy.Jurisdiction;
import dev.steward.policy.Policy;
import dev.steward.policy.Source;
import dev.steward.policy.documents.PolicyWords;
import dev.steward.principal.Principal;
import dev.steward.vault.Disclosure;
import dev.steward.vault.Disclosures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts the items of every system together with what the policy says of each category (GDPR Art.
 * 15(1)(a)–(h)) and the recipients the disclosure log shows. Items of the categories the policy
 * marks as about other people are redacted (Art. 15(4), {@link Redaction}).
 */
final class PackageContent {
  static final String REDACTED = "[redacted: about another person]";
  private static final Principal ACTOR = new Principal.System("fulfilment");

  private final Disclosures disclosures;

  PackageContent(Disclosures disclosures) {
    this.disclosures = disclosures;
  }

  PackageView build(
      Plan plan, Policy asWritten, List<DataItem> items, boolean providedOnly, Instant now) {
    // Names and conditions as the policy translates them into the package's language.
    Policy policy = asWritten.localized(plan.language());
    PolicyWords words = new PolicyWords(plan.language());
    // A person the vault does not know, reached only through the request's identities, has no
    // disclosure log.
    List<Disclosure> disclosed =
        plan.subjectId() == null ? List.of() : disclosures.ofSubject(ACTOR, plan.subjectId());
    Map<String, List<DataItem>> byCategory = new TreeMap<>();
    for (DataItem item : items) {
      if (!providedOnly || provided(policy, item)) {
        byCategory.computeIfAbsent(item.category(), c -> new ArrayList<>()).add(item);
      }
    }
    List<CategoryView> categories = new ArrayList<>();
    byCategory.forEach((id, held) -> categories.add(category(policy, words, id, held, disclosed)));
    List<Jurisdiction> jurisdictions =
        plan.jurisdictions().stream().flatMap(j -> policy.jurisdiction(j).stream()).toList();
    List<RightView> rights =
        jurisdictions.stream()
            .flatMap(
                j ->
                    j.rights().stream()
                        .map(
                            r -> new RightView(j.name(), r.type().name().toLowerCase(Locale.ROOT))))
            .toList();
    List<AuthorityView> authorities =
        jurisdictions.stream()
            .flatMap(
                j ->
                    j.complaintAuthorities().stream()
                        .map(a -> new AuthorityView(j.name(), a.name(), a.url().orElse(""))))
            .toList();
    return new PackageView(
        1,
        plan.requestId().toString(),
        plan.subjectId() == null ? "" : plan.subjectId().toString(),
        now,
        plan.language(),
        categories,
        rights,
        authorities);
  }

  private CategoryView category(
      Policy policy,
      PolicyWords words,
      String id,
      List<DataItem> held,
      List<Disclosure> disclosed) {
    boolean redact = Redaction.redacted(policy, id);
    // GDPR Art. 15(1)(a): the purposes each item was collected for, not all the policy allows.
    List<String> purposeNames =
        held.stream().flatMap(i -> purposeNames(policy, i).stream()).distinct().toList();
    List<String> bases = held.stream().map(DataItem::legalBasis).distinct().toList();
    List<String> sources =
        held.stream()
            .map(DataItem::source)
            .distinct()
            .map(
                s ->
                    policy.sources().stream()
                        .filter(x -> x.id().equals(s))
                        .map(Source::name)
                        .findFirst()
                        .orElse(s))
            .toList();
    List<String> actual =
        disclosed.stream()
            .filter(d -> d.categories().stream().anyMatch(c -> Category.covers(c, id)))
            .map(d -> recipientName(policy, d.recipient()))
            .distinct()
            .toList();
    List<String> recipientCategories =
        policy.recipients().stream()
            .filter(r -> r.categories().stream().anyMatch(c -> Category.covers(c, id)))
            .map(r -> r.name())
            .toList();
    List<String> retention =
        policy.retentionRules().stream()
            .filter(r -> r.categories().stream().anyMatch(c -> Category.covers(c, id)))
            .map(words::retention)
            .toList();
    List<String> transfers =
        policy.transfers().stream()
            .filter(
                t ->
                    t.categories().isEmpty()
                        || t.categories().stream().anyMatch(c -> Category.covers(c, id)))
            .map(words::transfer)
            .toList();
    List<ItemView> views =
        held.stream()
            .map(
                i ->
                    new ItemView(
                        i.id(),
                        i.system(),
                        i.source(),
                        i.collectedAt(),
                        purposeNames(policy, i),
                        redact ? REDACTED : i.value(),
                        redact,
                        provided(policy, i)))
            .toList();
    String name = policy.category(id).map(Category::name).orElse(id);
    return new CategoryView(
        id,
        name,
        purposeNames,
        bases,
        sources,
        actual,
        recipientCategories,
        retention,
        transfers,
        views);
  }

  /** The names of the purposes an item was collected for, in the policy's order. */
  private static List<String> purposeNames(Policy policy, DataItem item) {
    return policy.purposes().stream()
        .filter(p -> item.purposes().contains(p.id()))
        .map(p -> p.name())
        .toList();
  }

  private static String recipientName(Policy policy, String recipient) {
    return policy.recipients().stream()
        .filter(r -> r.id().equals(recipient))
        .map(r -> r.legalName().orElse(r.name()))
        .findFirst()
        .orElse(recipient);
  }

  /** GDPR Art. 20 and CCPA: data the person provided, i.e. from a direct source. */
  static boolean provided(Policy policy, DataItem item) {
    return policy.sources().stream()
        .filter(s -> s.id().equals(item.source()))
        .anyMatch(s -> s.kind() == Source.Kind.DIRECT);
  }
}
