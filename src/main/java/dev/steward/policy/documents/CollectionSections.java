package dev.steward.policy.documents;

import dev.steward.policy.Category;
import dev.steward.policy.DataSystem;
import dev.steward.policy.Jurisdiction;
import dev.steward.policy.Policy;
import dev.steward.policy.RequestType;
import dev.steward.policy.Source;
import dev.steward.policy.SubjectType;
import dev.steward.policy.documents.Document.Block;
import dev.steward.policy.documents.Document.Bullets;
import dev.steward.policy.documents.Document.Paragraph;
import dev.steward.policy.documents.Document.Section;
import dev.steward.policy.documents.Document.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The notice's sections on what is collected, about whom, from where, in which systems, and the
 * special case of the business customers' content that only passes through the network.
 */
final class CollectionSections {
  private final Policy policy;
  private final Wording wording;
  private final Names names;

  CollectionSections(Policy policy, Wording wording, Names names) {
    this.policy = policy;
    this.wording = wording;
    this.names = names;
  }

  List<Section> sections() {
    List<Section> sections = new ArrayList<>(List.of(collection(), sources()));
    customerContent().ifPresent(sections::add);
    sections.add(systems());
    return sections;
  }

  private Section collection() {
    List<List<String>> rows = new ArrayList<>();
    for (Category category : policy.categories()) {
      List<String> examples = category.children().stream().map(Category::name).toList();
      rows.add(List.of(category.name(), wording.join(examples), flags(category)));
    }
    List<Block> blocks =
        List.of(
            new Paragraph(wording.text("collection.intro")),
            new Table(
                wording.text("collection.table"),
                List.of(
                    wording.text("collection.category"),
                    wording.text("collection.examples"),
                    wording.text("collection.sensitive")),
                rows),
            new Paragraph(wording.text("collection.people")),
            new Bullets(policy.subjectTypes().stream().map(SubjectType::name).toList()));
    return new Section("collection", wording.text("collection.heading"), blocks);
  }

  private String flags(Category category) {
    List<String> flags = new ArrayList<>();
    List<Category> all = category.flatten();
    if (all.stream().anyMatch(Category::special)) {
      flags.add(wording.text("collection.special"));
    }
    if (all.stream().anyMatch(Category::criminal)) {
      flags.add(wording.text("collection.criminal"));
    }
    return flags.isEmpty() ? wording.text("collection.none") : wording.join(flags);
  }

  private Section sources() {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph(wording.text("sources.direct")));
    blocks.add(new Bullets(sourceNames(Source.Kind.DIRECT)));
    blocks.add(new Paragraph(wording.text("sources.indirect")));
    blocks.add(new Bullets(sourceNames(Source.Kind.INDIRECT)));
    List<String> suppliedByOthers =
        policy.subjectTypes().stream()
            .filter(SubjectType::suppliedByOthers)
            .map(SubjectType::name)
            .toList();
    if (!suppliedByOthers.isEmpty()) {
      blocks.add(new Paragraph(wording.text("sources.others", wording.join(suppliedByOthers))));
    }
    return new Section("sources", wording.text("sources.heading"), blocks);
  }

  private List<String> sourceNames(Source.Kind kind) {
    List<String> found =
        policy.sources().stream()
            .filter(source -> source.kind() == kind)
            .map(
                source ->
                    source.categories().isEmpty()
                        ? source.name()
                        : source.name() + " (" + names.categories(source.categories()) + ")")
            .toList();
    return found.isEmpty() ? List.of(wording.unstated()) : found;
  }

  /** Present when the policy promises business customers to remove their content on request. */
  private Optional<Section> customerContent() {
    for (Jurisdiction jurisdiction : policy.jurisdictions()) {
      Optional<Jurisdiction.Right> removal = jurisdiction.right(RequestType.CONTENT_REMOVAL);
      if (removal.isPresent()) {
        String deadline = wording.deadline(removal.get().deadline());
        return Optional.of(
            new Section(
                "customer-content",
                wording.text("content.heading"),
                List.of(
                    new Paragraph(wording.text("content.conduit")),
                    new Paragraph(wording.text("content.controllers")),
                    new Paragraph(wording.text("content.removal", deadline)))));
      }
    }
    return Optional.empty();
  }

  private Section systems() {
    List<List<String>> rows = new ArrayList<>();
    for (DataSystem system : policy.systems()) {
      String processor =
          system
              .processor()
              .map(p -> wording.text(p ? "answer.yes" : "answer.no"))
              .orElse(wording.unstated());
      rows.add(
          List.of(
              system.name(),
              wording.country(system.location()),
              processor,
              names.categories(system.categories())));
    }
    List<Block> blocks =
        List.of(
            new Paragraph(wording.text("systems.intro")),
            new Table(
                wording.text("systems.table"),
                List.of(
                    wording.text("systems.system"),
                    wording.text("systems.location"),
                    wording.text("systems.processor"),
                    wording.text("systems.categories")),
                rows));
    return new Section("systems", wording.text("systems.heading"), blocks);
  }
}
