package dev.steward.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.policy.Policy;
import dev.steward.policy.PolicyChecker;
import dev.steward.web.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionNoteTest {
  private static final Policy POLICY = new PolicyChecker(java.time.Clock.systemUTC()).bundled();

  private static JsonNode evidence() throws Exception {
    return Json.mapper()
        .readTree(
            "{\"kept\":[{\"category\":\"contact.email\",\"id\":\"r-1\",\"exemption\":\"tax\","
                + "\"until\":\"2031-12-31\"}],"
                + "\"outOfScope\":[{\"category\":\"service.feedback\",\"id\":\"r-2\","
                + "\"source\":\"no-such-source\"}],\"recipients\":[\"crm-cloud\"]}");
  }

  @Test
  void letterAdditions_inChinese_areWrittenInChinese() throws Exception {
    StringBuilder letter = new StringBuilder();

    new CompletionNote(List.of(evidence()), POLICY, "zh-CN").appendTo(letter);

    assertThat(letter.toString())
        .contains("依据豁免保留的信息：", "contact.email（r-1）：依据豁免 tax 保留至 2031-12-31")
        .contains("并非由我们向您本人收集", "service.feedback（r-2）：来源为 no-such-source")
        .doesNotContain("Kept under", "did not collect");
  }

  @Test
  void letterAdditions_inEnglish_nameTheExemptionAndTheSource() throws Exception {
    StringBuilder letter = new StringBuilder();
    CompletionNote note = new CompletionNote(List.of(evidence()), POLICY, "en");

    note.appendTo(letter);

    assertThat(letter.toString())
        .contains("Kept under an exemption:\n- contact.email (r-1): kept under exemption tax")
        .contains("because we did not collect it from you:\n- service.feedback (r-2): from");
    assertThat(note.recipients()).containsExactly("crm-cloud");
  }
}
