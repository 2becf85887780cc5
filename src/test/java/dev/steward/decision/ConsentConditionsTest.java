package dev.steward.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.consent.ConsentEvent;
import dev.steward.consent.OptOutKind;
import dev.steward.consent.Party;
import dev.steward.consent.PartyState;
import dev.steward.decision.DecisionContext.Activity;
import dev.steward.decision.DecisionContext.AgeBand;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PublishedPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decisions under the bundled policy: realistic uses allowed or denied for the right reason, the
 * ages of parental consent on both sides of each boundary, and PIPL's consents to collection and to
 * transfer abroad.
 */
class ConsentConditionsTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Path BUNDLED = Path.of("src/main/resources/policy/bundled-policy.yaml");
  private static final PublishedPolicy POLICY = load(BUNDLED);
  private static final Party SUBJECT = Party.subject(UUID.randomUUID());

  @TempDir static Path dir;

  @Test
  void bundled_newsletterByEmail_allowsWithConsentAndDeniesWithout() {
    assertThat(decide(state(), "email-im", "newsletter", none(), "contact.email"))
        .isEqualTo("deny no_consent null");
    assertThat(decide(state("newsletter"), "email-im", "newsletter", none(), "contact.email"))
        .isEqualTo("allow allowed null");
    // The opened-email data the newsletter's beacons record is held by the email system too.
    assertThat(decide(state("newsletter"), "email-im", "newsletter", none(), "device.email_open"))
        .isEqualTo("allow allowed null");
  }

  @Test
  void bundled_pendingNewsletterConsent_doesNotAllow() {
    PartyState pending = build(Map.of("newsletter", consent(ConsentEvent.Kind.PENDING, false)));
    assertThat(decide(pending, "email-im", "newsletter", none(), "contact.email"))
        .isEqualTo("deny no_consent null");
  }

  @Test
  void bundled_marketingToABusinessContact_restsOnLegitimateInterestUntilTheyObject() {
    assertThat(decide(state(), "email-im", "marketing", none(), "contact.email"))
        .isEqualTo("allow allowed null");
    PartyState objected =
        new PartyState(
            SUBJECT,
            true,
            false,
            false,
            null,
            false,
            Set.of(),
            Map.of(),
            new EnumMap<>(Map.of(OptOutKind.DIRECT_MARKETING, "api")));
    assertThat(decide(objected, "email-im", "marketing", none(), "contact.email"))
        .isEqualTo("deny objected_direct_marketing api");
  }

  @Test
  void bundled_systemThatDoesNotHoldTheData_isStillNotDeclared() {
    assertThat(decide(state(), "telephony", "marketing", none(), "contact.email"))
        .isEqualTo("deny system_not_declared null");
    assertThat(decide(state(), "telephony", "inquiries", none(), "contact.phone"))
        .isEqualTo("allow allowed null");
  }

  @Test
  void coppa_12DeniesAsAChildWhateverTheParent_13NeedsNoParent() {
    DecisionContext twelve = context(12, null, "coppa", "US");
    assertThat(decide(state("newsletter"), "email-im", "newsletter", twelve, "contact.email"))
        .isEqualTo("deny child_under_13 null");
    assertThat(decide(parental("newsletter"), "email-im", "newsletter", twelve, "contact.email"))
        .as("RULES.md: a child under 13 is checked before consent, so a parent changes nothing")
        .isEqualTo("deny child_under_13 null");
    DecisionContext thirteen = context(13, null, "coppa", "US");
    assertThat(decide(state("newsletter"), "email-im", "newsletter", thirteen, "contact.email"))
        .isEqualTo("allow allowed null");
  }

  @Test
  void gdprDefault_15NeedsAParentsConsent_16DoesNot() {
    DecisionContext fifteen = context(15, null, null, "FR");
    assertThat(decide(state("newsletter"), "email-im", "newsletter", fifteen, "contact.email"))
        .isEqualTo("deny no_consent parental");
    assertThat(decide(parental("newsletter"), "email-im", "newsletter", fifteen, "contact.email"))
        .isEqualTo("allow allowed null");
    DecisionContext sixteen = context(16, null, null, "FR");
    assertThat(decide(state("newsletter"), "email-im", "newsletter", sixteen, "contact.email"))
        .isEqualTo("allow allowed null");
  }

  @Test
  void gdpr_aChildWithoutAnyConsent_isDeniedForTheMissingConsentFirst() {
    assertThat(
            decide(
                state(),
                "email-im",
                "newsletter",
                context(15, null, "gdpr", "FR"),
                "contact.email"))
        .isEqualTo("deny no_consent null");
  }

  @Test
  void gdpr_purposeNotRestingOnConsent_needsNoParent() {
    assertThat(
            decide(
                state(), "email-im", "marketing", context(14, null, "gdpr", null), "contact.email"))
        .isEqualTo("allow allowed null");
  }

  @Test
  void gdprMemberStateOverride_14InAustria_15InFranceStillNeedsAParent() throws IOException {
    PublishedPolicy austria =
        load(
            withText(
                "    indirect_collection_notice: {count: gdpr_months, amount: 1} # GDPR Art. 14(3)\n",
                "    indirect_collection_notice: {count: gdpr_months, amount: 1} # GDPR Art. 14(3)\n"
                    + "    parental_consent: {age: 16, countries: {AT: 14}}\n"));
    assertThat(decide(austria, state("newsletter"), "newsletter", context(13, null, null, "AT")))
        .isEqualTo("deny no_consent parental");
    assertThat(decide(austria, state("newsletter"), "newsletter", context(14, null, null, "AT")))
        .isEqualTo("allow allowed null");
    assertThat(decide(austria, state("newsletter"), "newsletter", context(15, null, null, "FR")))
        .isEqualTo("deny no_consent parental");
  }

  @Test
  void declaredAgeBand_reachingBelowTheAge_needsAParent() {
    assertThat(
            decide(
                state("newsletter"),
                "email-im",
                "newsletter",
                context(null, "13-15", "gdpr", null),
                "contact.email"))
        .isEqualTo("deny no_consent parental");
    assertThat(
            decide(
                state("newsletter"),
                "email-im",
                "newsletter",
                context(null, "14-17", "gdpr", null),
                "contact.email"))
        .isEqualTo("deny no_consent parental");
    assertThat(
            decide(
                state("newsletter"),
                "email-im",
                "newsletter",
                context(null, "16+", "gdpr", null),
                "contact.email"))
        .isEqualTo("allow allowed null");
  }

  @Test
  void pipl_marketingAbroad_needsCollectionThenTransferConsent() {
    DecisionContext china = context(null, null, null, "CN");
    assertThat(decide(state(), "email-im", "marketing", china, "contact.email"))
        .isEqualTo("deny no_consent pipl:china-collection");
    assertThat(
            decide(state("pipl:china-collection"), "email-im", "marketing", china, "contact.email"))
        .isEqualTo("deny no_consent pipl:china-transfer");
    assertThat(
            decide(
                state("pipl:china-collection", "pipl:china-transfer"),
                "email-im",
                "marketing",
                china,
                "contact.email"))
        .isEqualTo("allow allowed null");
  }

  @Test
  void pipl_dataKeptOnTheMainland_needsNoTransferConsent() {
    DecisionContext china = context(null, null, "pipl", null);
    assertThat(
            decide(
                state("pipl:china-collection"),
                "china-storage",
                "marketing",
                china,
                "contact.email"))
        .isEqualTo("allow allowed null");
  }

  @Test
  void pipl_withdrawnTransferConsent_deniesAgain() {
    Map<String, PartyState.Consent> consents = new HashMap<>();
    consents.put("pipl:china-collection", consent(ConsentEvent.Kind.GIVEN, false));
    consents.put("pipl:china-transfer", consent(ConsentEvent.Kind.WITHDRAWN, false));
    assertThat(
            decide(
                build(consents),
                "email-im",
                "inquiries",
                context(null, null, "pipl", null),
                "contact.email"))
        .isEqualTo("deny no_consent pipl:china-transfer");
  }

  @Test
  void pipl_childUnder14_needsAParentForTheTransferConsentToo() {
    Map<String, PartyState.Consent> consents = new HashMap<>();
    consents.put("pipl:china-collection", consent(ConsentEvent.Kind.GIVEN, true));
    consents.put("pipl:china-transfer", consent(ConsentEvent.Kind.GIVEN, false));
    DecisionContext thirteen = context(13, null, "pipl", "CN");
    assertThat(decide(build(consents), "email-im", "marketing", thirteen, "contact.email"))
        .isEqualTo("deny no_consent parental"); // PIPL Art. 31: under 14
    DecisionContext child = context(null, "13-14", "pipl", "CN");
    assertThat(decide(build(consents), "email-im", "marketing", child, "contact.email"))
        .isEqualTo("deny no_consent parental");
    consents.put("pipl:china-transfer", consent(ConsentEvent.Kind.GIVEN, true));
    assertThat(decide(build(consents), "email-im", "marketing", child, "contact.email"))
        .isEqualTo("allow allowed null");
  }

  private static String decide(
      PartyState state,
      String system,
      String purpose,
      DecisionContext context,
      String... categories) {
    return decide(POLICY, state, system, purpose, context, categories);
  }

  private static String decide(
      PublishedPolicy policy, PartyState state, String purpose, DecisionContext context) {
    return decide(policy, state, "email-im", purpose, context, "contact.email");
  }

  private static String decide(
      PublishedPolicy policy,
      PartyState state,
      String system,
      String purpose,
      DecisionContext context,
      String... categories) {
    Decision decision =
        DecisionRules.decide(
            new PolicyIndex(policy),
            state,
            new DecisionQuery(system, SUBJECT, purpose, List.of(categories), "email", context),
            NOW);
    return decision.outcome() + " " + decision.reason() + " " + decision.source();
  }

  private static DecisionContext none() {
    return DecisionContext.NONE;
  }

  private static DecisionContext context(
      Integer age, String band, String jurisdiction, String country) {
    return new DecisionContext(
        Activity.USE,
        age,
        null,
        null,
        band == null ? null : AgeBand.parse(band).orElseThrow(),
        jurisdiction,
        country);
  }

  private static PartyState.Consent consent(ConsentEvent.Kind kind, boolean parental) {
    return new PartyState.Consent(kind, NOW.minusSeconds(3600), null, parental);
  }

  /** A known subject with live consent to {@code purposes}, given by themselves. */
  private static PartyState state(String... purposes) {
    Map<String, PartyState.Consent> consents = new HashMap<>();
    for (String purpose : purposes) {
      consents.put(purpose, consent(ConsentEvent.Kind.GIVEN, false));
    }
    return build(consents);
  }

  /** Live consent to {@code purpose} with a parent's consent on record. */
  private static PartyState parental(String purpose) {
    return build(Map.of(purpose, consent(ConsentEvent.Kind.GIVEN, true)));
  }

  private static PartyState build(Map<String, PartyState.Consent> consents) {
    return new PartyState(SUBJECT, true, false, false, null, false, Set.of(), consents, Map.of());
  }

  private static PublishedPolicy load(Path file) {
    return new PublishedPolicy(
        "bundled",
        "hash",
        Instant.EPOCH,
        new PolicyChecker(Clock.fixed(NOW, ZoneOffset.UTC)).loadValid(file));
  }

  private static Path withText(String before, String after) throws IOException {
    String text = Files.readString(BUNDLED);
    assertThat(text).contains(before);
    Path file = dir.resolve("policy-" + UUID.randomUUID() + ".yaml");
    Files.writeString(file, text.replace(before, after));
    return file;
  }
}
