package dev.steward.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.consent.ConsentEvent;
import dev.steward.consent.OptOutKind;
import dev.steward.consent.Party;
import dev.steward.consent.PartyState;
import dev.steward.decision.DecisionContext.Activity;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PublishedPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every rule of RULES.md's decision order with its reason code, and which wins where two apply at
 * once. The policy is {@code decisions.yaml}: contract, consent, legitimate-interest, direct
 * marketing and sale/sharing purposes, a special category, two systems, retention rules.
 */
class DecisionRulesTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final PublishedPolicy POLICY =
      new PublishedPolicy(
          "d1",
          "hash",
          Instant.EPOCH,
          new PolicyChecker(Clock.fixed(NOW, ZoneOffset.UTC))
              .loadValid(Path.of("src/test/resources/policy/decisions.yaml")));
  private static final Party SUBJECT = Party.subject(UUID.randomUUID());

  /** A known subject with nothing recorded: the start of every case. */
  private static State person() {
    return new State();
  }

  @Test
  void allowed_whenNothingBlocks() {
    assertThat(decide(person(), "crm", "service", "contact.email")).isEqualTo("allow allowed");
  }

  @Test
  void subjectErased_deniesEveryUse() {
    assertThat(decide(person().erased(), "crm", "service", "contact.email"))
        .isEqualTo("deny subject_erased");
  }

  @Test
  void childUnder13_deniesAllButDeletion_whetherTheVaultOrTheCallerKnowsTheAge() {
    assertThat(decide(person().child(), "crm", "service", "contact.email"))
        .isEqualTo("deny child_under_13");
    assertThat(decide(person(), "crm", "service", context(Activity.USE, 12), "contact.email"))
        .isEqualTo("deny child_under_13");
    assertThat(decide(person(), "crm", "service", context(Activity.USE, 13), "contact.email"))
        .isEqualTo("allow allowed");
    assertThat(
            decide(
                person().child(),
                "crm",
                "service",
                context(Activity.DELETION, null),
                "contact.email"))
        .isEqualTo("allow allowed");
  }

  @Test
  void restricted_deniesUse_butAllowsStorageLegalClaimsAndConsentedUses() {
    assertThat(decide(person().restricted(), "crm", "service", "contact.email"))
        .isEqualTo("deny restricted");
    for (Activity allowed :
        List.of(
            Activity.STORAGE,
            Activity.LEGAL_CLAIMS,
            Activity.PROTECTION_OF_OTHERS,
            Activity.PUBLIC_INTEREST)) {
      assertThat(
              decide(
                  person().restricted(), "crm", "service", context(allowed, null), "contact.email"))
          .as(allowed.code())
          .isEqualTo("allow allowed");
    }
    // GDPR Art. 18(2): "with the data subject's consent".
    assertThat(
            decide(
                person().restricted().consent("newsletter", ConsentEvent.Kind.GIVEN, null),
                "crm",
                "newsletter",
                "contact.email"))
        .isEqualTo("allow allowed");
  }

  @Test
  void undeclaredPurposeCategoryOrSystem_deniesNamingWhichOne() {
    assertThat(decide(person(), "crm", "profiling", "contact.email"))
        .isEqualTo("deny purpose_not_declared");
    assertThat(decide(person(), "crm", "service", "device.identifier"))
        .as("category not declared for the purpose")
        .isEqualTo("deny category_not_declared");
    assertThat(decide(person(), "crm", "service", "shoe_size"))
        .as("unknown category")
        .isEqualTo("deny category_not_declared");
    assertThat(decide(person(), "crm", "analytics", "device.identifier"))
        .as("system does not hold the category")
        .isEqualTo("deny system_not_declared");
    assertThat(decide(person(), "spreadsheet", "service", "contact.email"))
        .as("unknown system")
        .isEqualTo("deny system_not_declared");
  }

  @Test
  void retentionExpired_countsFromCollectionOrTheRelationshipsEnd() {
    DecisionContext twoYearsOld =
        new DecisionContext(Activity.USE, null, Instant.parse("2024-05-01T00:00:00Z"), null);
    DecisionContext monthOld =
        new DecisionContext(Activity.USE, null, Instant.parse("2026-05-01T00:00:00Z"), null);
    assertThat(decide(person(), "ad-server", "analytics", twoYearsOld, "device.identifier"))
        .isEqualTo("deny retention_expired");
    assertThat(decide(person(), "ad-server", "analytics", monthOld, "device.identifier"))
        .isEqualTo("allow allowed");
    assertThat(
            decide(
                person().relationshipEnded(LocalDate.parse("2019-01-31")),
                "crm",
                "service",
                "contact.email"))
        .isEqualTo("deny retention_expired");
    assertThat(
            decide(
                person().relationshipEnded(LocalDate.parse("2024-01-31")),
                "crm",
                "service",
                "contact.email"))
        .isEqualTo("allow allowed");
  }

  @Test
  void optedOutOfSale_deniesSaleAndSharingPurposesOnly_namingTheSignal() {
    State gpc = person().optedOut(OptOutKind.SALE_SHARING, "gpc");
    assertThat(decideWithSource(gpc, "ad-server", "audience-sale", "device.identifier"))
        .isEqualTo("deny opted_out_sale_sharing gpc");
    assertThat(decide(gpc, "ad-server", "analytics", "device.identifier"))
        .isEqualTo("allow allowed");
  }

  @Test
  void limitedSensitiveUse_deniesSensitiveDataForAnythingButWhatIsNecessary() {
    State limited = person().optedOut(OptOutKind.SENSITIVE_USE, "request");
    assertThat(decideWithSource(limited, "crm", "analytics", "health"))
        .isEqualTo("deny limited_sensitive_use request");
    assertThat(decide(limited, "crm", "service", "health")).isEqualTo("allow allowed");
    assertThat(decide(limited, "crm", "analytics", "contact.email")).isEqualTo("allow allowed");
  }

  @Test
  void objectionToDirectMarketing_deniesEveryMarketingPurpose() {
    State objected = person().objected("*");
    assertThat(decide(objected, "crm", "marketing", "contact.email"))
        .isEqualTo("deny objected_direct_marketing");
    assertThat(
            decide(
                person().objected("marketing").consent("newsletter", ConsentEvent.Kind.GIVEN, null),
                "crm",
                "marketing",
                "contact.email"))
        .isEqualTo("deny objected_direct_marketing");
  }

  @Test
  void marketingObjectionThroughTheOptOutApi_deniesMarketingOnly_evenForAStranger() {
    State stranger =
        new State(Party.identity("b".repeat(64)), false)
            .optedOut(OptOutKind.DIRECT_MARKETING, "api");
    assertThat(decideWithSource(stranger, "crm", "marketing", "contact.email"))
        .isEqualTo("deny objected_direct_marketing api");
    assertThat(decide(stranger, "crm", "service", "contact.email")).isEqualTo("allow allowed");
    assertThat(
            decide(
                person()
                    .optedOut(OptOutKind.DIRECT_MARKETING, "api")
                    .consent("newsletter", ConsentEvent.Kind.GIVEN, null),
                "crm",
                "newsletter",
                "contact.email"))
        .as("consent to the newsletter does not outweigh the objection")
        .isEqualTo("deny objected_direct_marketing");
  }

  @Test
  void objectionToALegitimateInterestPurpose_deniesThatPurpose() {
    assertThat(decide(person().objected("analytics"), "crm", "analytics", "contact.email"))
        .isEqualTo("deny objected");
    assertThat(decide(person().objected("analytics"), "crm", "service", "contact.email"))
        .isEqualTo("allow allowed");
  }

  @Test
  void consentBasedPurpose_needsALiveConsent() {
    assertThat(decide(person(), "crm", "newsletter", "contact.email")).isEqualTo("deny no_consent");
    assertThat(
            decide(
                person().consent("newsletter", ConsentEvent.Kind.GIVEN, null),
                "crm",
                "newsletter",
                "contact.email"))
        .isEqualTo("allow allowed");
    assertThat(
            decide(
                person().consent("newsletter", ConsentEvent.Kind.RECONSENTED, null),
                "crm",
                "newsletter",
                "contact.email"))
        .isEqualTo("allow allowed");
    for (ConsentEvent.Kind ended :
        List.of(
            ConsentEvent.Kind.WITHDRAWN, ConsentEvent.Kind.REFUSED, ConsentEvent.Kind.EXPIRED)) {
      assertThat(
              decide(
                  person().consent("newsletter", ended, null),
                  "crm",
                  "newsletter",
                  "contact.email"))
          .as(ended.code())
          .isEqualTo("deny no_consent");
    }
    assertThat(
            decide(
                person().consent("newsletter", ConsentEvent.Kind.GIVEN, NOW.minusSeconds(1)),
                "crm",
                "newsletter",
                "contact.email"))
        .as("given, then past its expiry")
        .isEqualTo("deny no_consent");
  }

  @Test
  void unknownIdentity_consentPurposesDeny_othersAllowUnlessSuppressed() {
    State stranger = new State(Party.identity("a".repeat(64)), false);
    assertThat(decide(stranger, "crm", "newsletter", "contact.email")).isEqualTo("deny no_consent");
    assertThat(decide(stranger, "crm", "service", "contact.email")).isEqualTo("allow allowed");
    assertThat(decide(stranger, "ad-server", "audience-sale", "device.identifier"))
        .isEqualTo("allow allowed");
    assertThat(
            decide(
                stranger.optedOut(OptOutKind.SALE_SHARING, "api"),
                "ad-server",
                "audience-sale",
                "device.identifier"))
        .isEqualTo("deny opted_out_sale_sharing");
  }

  @Test
  void order_theFirstRuleThatAppliesWins() {
    assertThat(decide(person().erased().child().restricted(), "crm", "service", "contact.email"))
        .as("erased before child")
        .isEqualTo("deny subject_erased");
    assertThat(decide(person().child().restricted(), "crm", "service", "contact.email"))
        .as("child before restriction")
        .isEqualTo("deny child_under_13");
    assertThat(decide(person().restricted(), "crm", "profiling", "contact.email"))
        .as("restriction before an undeclared purpose")
        .isEqualTo("deny restricted");
    State optedOut = person().optedOut(OptOutKind.SALE_SHARING, "gpc");
    assertThat(decide(optedOut, "crm", "audience-sale", "device.identifier"))
        .as("undeclared system before the opt-out")
        .isEqualTo("deny system_not_declared");
    DecisionContext old =
        new DecisionContext(Activity.USE, null, Instant.parse("2024-05-01T00:00:00Z"), null);
    assertThat(decide(optedOut, "ad-server", "audience-sale", old, "device.identifier"))
        .as("retention before the opt-out")
        .isEqualTo("deny retention_expired");
    assertThat(decide(optedOut, "ad-server", "ad-sharing", "device.identifier"))
        .as("opt-out of sale before a missing consent")
        .isEqualTo("deny opted_out_sale_sharing");
    assertThat(decide(person().objected("*"), "crm", "newsletter", "contact.email"))
        .as("objection to direct marketing before a missing consent")
        .isEqualTo("deny objected_direct_marketing");
    assertThat(decide(person().objected("marketing"), "crm", "marketing", "contact.email"))
        .as("direct marketing's absolute objection before the legitimate-interest one")
        .isEqualTo("deny objected_direct_marketing");
    assertThat(
            decide(
                person().optedOut(OptOutKind.SENSITIVE_USE, "api").objected("analytics"),
                "crm",
                "analytics",
                "health"))
        .as("limit of sensitive use before an objection")
        .isEqualTo("deny limited_sensitive_use");
  }

  private static DecisionContext context(Activity activity, Integer age) {
    return new DecisionContext(activity, age, null, null);
  }

  private static String decide(State state, String system, String purpose, String... categories) {
    return decide(state, system, purpose, DecisionContext.NONE, categories);
  }

  private static String decide(
      State state, String system, String purpose, DecisionContext context, String... categories) {
    Decision decision =
        DecisionRules.decide(
            new PolicyIndex(POLICY),
            state.build(),
            new DecisionQuery(system, state.party, purpose, List.of(categories), null, context),
            NOW);
    assertThat(decision.policyVersion()).isEqualTo("d1");
    return decision.outcome() + " " + decision.reason();
  }

  private static String decideWithSource(
      State state, String system, String purpose, String... categories) {
    Decision decision =
        DecisionRules.decide(
            new PolicyIndex(POLICY),
            state.build(),
            new DecisionQuery(system, state.party, purpose, List.of(categories), null, null),
            NOW);
    return decision.outcome() + " " + decision.reason() + " " + decision.source();
  }

  /** A party's state, built one fact at a time. */
  private static final class State {
    final Party party;
    final boolean known;
    boolean erased;
    boolean child;
    boolean restricted;
    LocalDate relationshipEnd;
    Set<String> objections = new java.util.HashSet<>();
    Map<String, PartyState.Consent> consents = new java.util.HashMap<>();
    Map<OptOutKind, String> optOuts = new EnumMap<>(OptOutKind.class);

    State() {
      this(SUBJECT, true);
    }

    State(Party party, boolean known) {
      this.party = party;
      this.known = known;
    }

    State erased() {
      erased = true;
      return this;
    }

    State child() {
      child = true;
      return this;
    }

    State restricted() {
      restricted = true;
      return this;
    }

    State relationshipEnded(LocalDate date) {
      relationshipEnd = date;
      return this;
    }

    State objected(String purpose) {
      objections.add(purpose);
      return this;
    }

    State consent(String purpose, ConsentEvent.Kind kind, Instant expiresAt) {
      consents.put(purpose, new PartyState.Consent(kind, NOW.minusSeconds(3600), expiresAt));
      return this;
    }

    State optedOut(OptOutKind kind, String source) {
      optOuts.put(kind, source);
      return this;
    }

    PartyState build() {
      return new PartyState(
          party, known, erased, child, relationshipEnd, restricted, objections, consents, optOuts);
    }
  }
}
