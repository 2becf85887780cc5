package dev.steward.request;

import static dev.steward.request.RequestWorld.instant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.policy.PolicyChecker;
import dev.steward.store.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** When several jurisdictions grant a request, every clock is kept and the earliest governs. */
class SeveralJurisdictionsTest {
  /** The bundled policy with a company promise to answer access requests within 20 days. */
  static Path policyWithPromise() throws IOException {
    String promise =
        """
          - id: answer-promise
            name: Our own promise to answer access requests within 20 days
            law: company
            zone: Europe/London
            calendar: gb-eng
            controller: group
            contact: eea-dpo
            rights:
              - {type: access, verification: possession, exercise: [email], deadline: {count: calendar_days, amount: 20}}

        calendars:
        """;
    String text = PolicyChecker.bundledText().replaceFirst("\ncalendars:\n", "\n" + promise);
    Path file = Files.createTempFile("policy-", ".yaml");
    Files.writeString(file, text);
    return file;
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void access_underGdprAndACompanyPromise_theEarlierClockGoverns(Engine engine) throws Exception {
    try (RequestWorld world =
        RequestWorld.start(engine, instant("2025-02-03T09:00", "UTC"), policyWithPromise())) {
      UUID id =
          world.log(
              "access", "FR", "fleur@example.fr", instant("2025-01-31T10:00", "Europe/Paris"));

      JsonNode detail = world.detail(id);

      assertThat(detail.at("/summary/governing").asText()).isEqualTo("answer-promise");
      assertThat(detail.at("/summary/dueDate").asText()).isEqualTo("2025-02-20");
      assertThat(detail.get("clocks").findValuesAsText("jurisdiction"))
          .containsExactly("answer-promise", "gdpr");
      assertThat(detail.at("/clocks/1/dueDate").asText()).isEqualTo("2025-02-28");
      assertThat(detail.at("/clocks/0/governs").asBoolean()).isTrue();
      // The union of the rights' verification: documents (gdpr) and a code (the promise).
      assertThat(detail.get("verificationNeeded").toString()).contains("code", "documents");
    }
  }
}
