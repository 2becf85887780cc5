package dev.steward.policy.documents;

import dev.steward.policy.Jurisdiction;
import dev.steward.policy.Jurisdiction.PiplConsent;
import dev.steward.policy.Jurisdiction.Right;
import dev.steward.policy.Law;
import dev.steward.policy.Policy;
import dev.steward.policy.Purpose;
import dev.steward.policy.Recipient;
import dev.steward.policy.RequestType;
import dev.steward.policy.documents.Document.Block;
import dev.steward.policy.documents.Document.Bullets;
import dev.steward.policy.documents.Document.Paragraph;
import dev.steward.policy.documents.Document.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The notice's sections for California, children and mainland China, each when its law applies. */
final class RegionalSections {
  private final Policy policy;
  private final Wording wording;
  private final Names names;

  RegionalSections(Policy policy, Wording wording, Names names) {
    this.policy = policy;
    this.wording = wording;
    this.names = names;
  }

  List<Section> sections() {
    List<Section> sections = new ArrayList<>();
    law(Law.CCPA).map(this::california).ifPresent(sections::add);
    children().ifPresent(sections::add);
    law(Law.PIPL).map(this::china).ifPresent(sections::add);
    return sections;
  }

  private Optional<Jurisdiction> law(Law law) {
    return policy.jurisdictions().stream().filter(j -> j.law() == law).findFirst();
  }

  private Section california(Jurisdiction ccpa) {
    List<Block> blocks = new ArrayList<>();
    List<String> sold =
        policy.purposes().stream().filter(Purpose::saleOrSharing).map(Purpose::name).toList();
    blocks.add(
        new Paragraph(
            sold.isEmpty()
                ? wording.text("california.no-sale")
                : wording.text("california.sale", wording.join(sold))));
    ccpa.right(RequestType.OPT_OUT_SALE_SHARING)
        .ifPresent(
            r -> blocks.add(new Paragraph(wording.text("california.opt-out", how(ccpa, r)))));
    blocks.add(new Paragraph(wording.text("california.rights")));
    ccpa.calOppa()
        .ifPresent(
            caloppa -> {
              // CalOPPA (Cal. Bus. & Prof. Code 22575(b)(5)): said only when the policy states it.
              if (!Wording.isUnstated(caloppa.doNotTrack()) || !wording.forPublicNotice()) {
                blocks.add(
                    new Paragraph(
                        wording.text("california.dnt", wording.orUnstated(caloppa.doNotTrack()))));
              }
              if (caloppa.anonymousBrowsing()) {
                blocks.add(new Paragraph(wording.text("california.anonymous")));
              }
            });
    List<String> forMarketing =
        policy.recipients().stream()
            .filter(Recipient::directMarketingDisclosure)
            .map(Recipient::name)
            .toList();
    blocks.add(
        new Paragraph(
            forMarketing.isEmpty()
                ? wording.text("california.shine.none")
                : wording.text("california.shine.some", wording.join(forMarketing))));
    ccpa.right(RequestType.SHINE_THE_LIGHT)
        .ifPresent(
            r -> blocks.add(new Paragraph(wording.text("california.shine.ask", how(ccpa, r)))));
    return new Section("california", wording.text("california.heading"), blocks);
  }

  private String how(Jurisdiction jurisdiction, Right right) {
    return names.channels(right.exercise(), jurisdiction.contact());
  }

  /**
   * Present when the service is meant for children, when a jurisdiction sets an age under which
   * data is not knowingly collected, or when the policy states the ages of parental consent.
   */
  private Optional<Section> children() {
    Optional<Jurisdiction> minimum =
        policy.jurisdictions().stream().filter(j -> j.minimumAge().isPresent()).findFirst();
    boolean directed = policy.directedAtChildren();
    // Meant for children: every law's age counts, its default too; otherwise only stated ones.
    List<String> ages =
        policy.jurisdictions().stream()
            .filter(j -> directed || j.parentalConsent().isPresent())
            .filter(j -> j.parentalConsentAge(null).isPresent())
            .map(this::parentalConsentAge)
            .toList();
    if (!directed && minimum.isEmpty() && ages.isEmpty()) {
      return Optional.empty();
    }
    List<Block> blocks = new ArrayList<>();
    String heading;
    if (directed || minimum.isEmpty()) {
      heading = wording.text("children.heading.all");
      blocks.add(new Paragraph(wording.text(directed ? "children.directed" : "children.consent")));
    } else {
      int age = minimum.get().minimumAge().orElseThrow();
      heading = wording.text("children.heading", age);
      blocks.add(new Paragraph(wording.text("children.intro", age)));
    }
    if (!ages.isEmpty()) {
      blocks.add(new Paragraph(wording.text("children.consent-ages")));
      blocks.add(new Bullets(ages));
    }
    for (Jurisdiction jurisdiction : policy.jurisdictions()) {
      jurisdiction
          .right(RequestType.PARENTAL_DELETION)
          .ifPresent(
              r ->
                  blocks.add(
                      new Paragraph(
                          wording.text(
                              "children.parents",
                              jurisdiction
                                  .minimumAge()
                                  .or(() -> minimum.flatMap(Jurisdiction::minimumAge))
                                  .orElse(jurisdiction.parentalConsentAge(null).orElse(13)),
                              how(jurisdiction, r),
                              wording.deadline(r.deadline())))));
    }
    return Optional.of(new Section("children", heading, blocks));
  }

  /** "European Economic Area (GDPR): under 16; Austria: under 14". */
  private String parentalConsentAge(Jurisdiction jurisdiction) {
    List<String> parts = new ArrayList<>();
    parts.add(
        wording.text(
            "children.consent-age",
            jurisdiction.name(),
            jurisdiction.parentalConsentAge(null).getAsInt()));
    jurisdiction
        .parentalConsent()
        .ifPresent(
            consent ->
                new java.util.TreeMap<>(consent.countries())
                    .forEach(
                        (country, age) ->
                            parts.add(
                                wording.text(
                                    "children.consent-age", wording.country(country), age))));
    return String.join(wording.text("list.separator"), parts);
  }

  private Section china(Jurisdiction pipl) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Paragraph(wording.text("china.intro")));
    List<String> consents = pipl.consents().stream().map(this::consent).toList();
    blocks.add(new Bullets(wording.orNothing(consents)));
    blocks.add(new Paragraph(wording.text("china.rights")));
    return new Section("china", wording.text("china.heading"), blocks);
  }

  private String consent(PiplConsent consent) {
    String purposes =
        consent.purposes().isEmpty()
            ? wording.text("china.all-purposes")
            : names.purposes(consent.purposes());
    return wording.text(
        "china.consent",
        wording.label("consent-scope", consent.scope()),
        wording.label("consent-form", consent.form()),
        purposes);
  }
}
