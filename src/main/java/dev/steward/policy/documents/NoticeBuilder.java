package dev.steward.policy.documents;

import dev.steward.policy.Policy;
import dev.steward.policy.documents.Document.Section;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the privacy notice from a policy in one language. Every fact comes from the policy; every
 * sentence around the facts is Steward's own, from the message bundles. Sections for a law the
 * policy does not declare (California, children, mainland China, the customers' content) are left
 * out rather than written empty.
 */
final class NoticeBuilder {
  private NoticeBuilder() {}

  static Document build(Policy policy, DocumentLanguage language) {
    return build(policy, language, Optional.empty());
  }

  /**
   * @param coming the version published to take force later, announced under the lead so a reader
   *     knows the notice is about to change and where to read the new one
   */
  static Document build(Policy policy, DocumentLanguage language, Optional<Policy> coming) {
    Wording wording = new Wording(language).forPublic();
    Names names = new Names(policy, wording);
    List<Section> sections = new ArrayList<>();
    sections.addAll(new PartiesSections(policy, wording, names).sections());
    sections.addAll(new CollectionSections(policy, wording, names).sections());
    sections.addAll(new UseSections(policy, wording, names).sections());
    sections.add(new RightsSection(policy, wording, names).section());
    sections.addAll(new RegionalSections(policy, wording, names).sections());
    sections.addAll(new SafeguardSections(policy, wording, names).sections());
    sections.addAll(new KeepingSections(policy, wording, names).sections());
    List<String> lead = new ArrayList<>();
    // A fresh install serves the bundled policy: say whose practices these are before anything.
    if (policy.demo()) {
      lead.add(wording.text("notice.demo"));
    }
    lead.add(wording.text("notice.lead"));
    lead.add(
        wording.text("notice.updated", policy.version(), wording.date(policy.effectiveDate())));
    coming.ifPresent(
        next ->
            lead.add(
                wording.text(
                    "notice.coming",
                    next.version(),
                    wording.date(next.effectiveDate()),
                    "/privacy/"
                        + URLEncoder.encode(next.version(), StandardCharsets.UTF_8)
                            .replace("+", "%20"))));
    return new Document(
        language.tag(),
        wording.text("notice.title"),
        lead,
        sections,
        true,
        wording.text("document.generated", policy.version()));
  }
}
