package dev.steward.policy.documents;

import static dev.steward.policy.documents.DocumentFixtures.BUNDLED;
import static dev.steward.policy.documents.DocumentFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.policy.Purpose;
import dev.steward.policy.Recipient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GDPR Art. 30(1)(d): a purpose's recipients are those that receive its data. */
class RopaRecipientsTest {
  private static final String ADVERTISERS =
      "Advertisers placing Flash cookies and other trackers on the website";

  @Test
  void ropa_recipientWithCategories_isListedOnlyForPurposesSharingOne() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (JsonNode activity : activities()) {
      Purpose purpose = BUNDLED.purpose(activity.get("purpose_id").asText()).orElseThrow();
      for (JsonNode name : activity.get("recipients")) {
        Recipient recipient =
            BUNDLED.recipients().stream()
                .filter(r -> r.name().equals(name.asText()))
                .findFirst()
                .orElseThrow();
        if (!recipient.categories().isEmpty()
            && !RecordLinks.overlaps(recipient.categories(), purpose.categories())) {
          wrong.add(purpose.id() + " -> " + recipient.id());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void ropa_advertisersPlacingTrackers_appearOnlyWherePurposesUseDeviceData() throws Exception {
    for (JsonNode activity : activities()) {
      Purpose purpose = BUNDLED.purpose(activity.get("purpose_id").asText()).orElseThrow();
      boolean device = purpose.categories().stream().anyMatch(c -> c.startsWith("device"));
      List<String> recipients = new ArrayList<>();
      activity.get("recipients").forEach(r -> recipients.add(r.asText()));

      if (device) {
        assertThat(recipients).as(purpose.id()).contains(ADVERTISERS);
      } else {
        assertThat(recipients).as(purpose.id()).doesNotContain(ADVERTISERS);
      }
    }
    assertThat(BUNDLED.purpose("relationship-admin").orElseThrow().categories())
        .doesNotContain("device");
  }

  private static JsonNode activities() throws Exception {
    return new ObjectMapper()
        .readTree(text(DocumentKind.PROCESSING_RECORD, DocumentLanguage.EN, DocumentFormat.JSON))
        .get("activities");
  }
}
