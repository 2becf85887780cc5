package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.app.TestNodes;
import dev.steward.decision.Decision;
import dev.steward.decision.DecisionContext;
import dev.steward.decision.DecisionQuery;
import dev.steward.error.InvalidInputException;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityMatch;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Through the store and the cached state, under the bundled policy: a parent's consent recorded by
 * staff lets a 15-year-old's consent allow in France, and PIPL consents recorded in the ledger as
 * {@code pipl:<id>} let a use abroad allow for a person in China, until the transfer consent is
 * withdrawn. H2.
 */
class ParentalAndPiplConsentTest {
  private static final Principal STAFF = new Principal.System("test");
  private static TestNodes.Running node;

  @BeforeAll
  static void start() {
    node =
        TestNodes.start(
            TestNodes.withPolicy(
                TestNodes.config(Engine.H2, TestNodes.http()),
                Path.of("src/main/resources/policy/bundled-policy.yaml")));
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void fifteenInFrance_deniesUntilAParentsConsentIsRecorded() {
    UUID child = subject();
    UUID consent = record(child, "given", "newsletter").events().get(0).consentId();
    DecisionContext fifteen =
        new DecisionContext(DecisionContext.Activity.USE, 15, null, null, null, null, "FR");
    assertThat(decide(child, "newsletter", fifteen)).isEqualTo("deny no_consent parental");

    ParentalConsents parents =
        new ParentalConsents(
            node.node().database().jdbi(),
            node.node().audit(),
            node.node().consent().states(),
            Clock.systemUTC());
    assertThatThrownBy(
            () ->
                parents.record(
                    STAFF,
                    consent,
                    new ParentalConsents.ParentBody("uncle", null, "document_reviewed", "doc-1")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(decide(child, "newsletter", fifteen)).isEqualTo("deny no_consent parental");

    parents.record(
        STAFF,
        consent,
        new ParentalConsents.ParentBody("parent", null, "document_reviewed", "case-42"));
    assertThat(decide(child, "newsletter", fifteen)).isEqualTo("allow allowed null");
  }

  @Test
  void personInChina_needsTheRecordedTransferConsent_andItsWithdrawalDeniesAgain() {
    UUID person = subject();
    DecisionContext china =
        new DecisionContext(DecisionContext.Activity.USE, null, null, null, null, null, "CN");
    assertThat(decide(person, "marketing", china))
        .isEqualTo("deny no_consent pipl:china-collection");
    record(person, "given", "pipl:china-collection");
    assertThat(decide(person, "marketing", china)).isEqualTo("deny no_consent pipl:china-transfer");
    record(person, "given", "pipl:china-transfer");
    assertThat(decide(person, "marketing", china)).isEqualTo("allow allowed null");
    record(person, "withdrawn", "pipl:china-transfer");
    assertThat(decide(person, "marketing", china)).isEqualTo("deny no_consent pipl:china-transfer");
  }

  @Test
  void unknownPiplConsent_isRefusedByTheApi() {
    UUID person = subject();
    assertThatThrownBy(() -> record(person, "given", "pipl:no-such-consent"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(node.node().consent().ledger().history(STAFF, Party.subject(person)))
        .extracting(ConsentEvent::kind)
        .containsExactly(ConsentEvent.Kind.PENDING);
  }

  private static ConsentRecording.Recorded record(UUID subject, String event, String purpose) {
    return node.node()
        .consent()
        .recording()
        .record(
            STAFF,
            new ConsentRecording.EventBody(
                subject.toString(), null, event, List.of(purpose), null, "phone", null, "call-7"));
  }

  /**
   * A person signed up for the newsletter (pending: the bundled newsletter asks for double opt-in).
   */
  private static UUID subject() {
    String email = "p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    HttpResponse<String> answer =
        node.json(
            "POST",
            "/api/v1/collect/newsletter",
            null,
            "{\"email\":\"" + email + "\",\"opt_in\":true}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return ((IdentityMatch.Found)
            node.node().vault().vault().findByIdentity(STAFF, Identity.email(email)))
        .subjectId();
  }

  private static String decide(UUID subject, String purpose, DecisionContext context) {
    Decision decision =
        node.node()
            .decisions()
            .decide(
                STAFF,
                new DecisionQuery(
                    "email-im",
                    Party.subject(subject),
                    purpose,
                    List.of("contact.email"),
                    "email",
                    context));
    return decision.outcome() + " " + decision.reason() + " " + decision.source();
  }
}
