package dev.steward.fulfilment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.policy.Policy;
import dev.steward.policy.RequestType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the completion letter says beyond the package link, read from the tasks' evidence: the items
 * an exemption kept, the items outside a CCPA deletion's scope with their source, and the Art. 19
 * recipients to tell; and whether to ask for a replacement contact.
 */
final class CompletionNote {
  private final List<String> kept = new ArrayList<>();
  private final List<String> outOfScope = new ArrayList<>();
  private final List<String> recipients = new ArrayList<>();
  private final Map<String, String> words;

  /**
   * @param language the requester's language (en or zh-CN), in which the additions are written
   */
  CompletionNote(List<JsonNode> evidence, Policy policy, String language) {
    this.words = PackageZip.words(language);
    for (JsonNode node : evidence) {
      node.path("kept")
          .forEach(
              k ->
                  kept.add(
                      words
                          .get("letter.keptItem")
                          .formatted(
                              k.path("category").asText(),
                              k.path("id").asText(),
                              k.path("exemption").asText(),
                              k.path("until").asText())));
      node.path("outOfScope")
          .forEach(
              o ->
                  outOfScope.add(
                      words
                          .get("letter.outOfScopeItem")
                          .formatted(
                              o.path("category").asText(),
                              o.path("id").asText(),
                              sourceName(policy, o.path("source").asText()))));
      node.path("recipients").forEach(r -> recipients.add(r.asText()));
    }
  }

  /** Recipient ids from every task, possibly repeated. */
  List<String> recipients() {
    return List.copyOf(recipients);
  }

  void appendTo(StringBuilder message) {
    if (!kept.isEmpty()) {
      message
          .append(words.get("letter.kept"))
          .append("\n- ")
          .append(String.join("\n- ", kept))
          .append('\n');
    }
    if (!outOfScope.isEmpty()) {
      // Cal. Civ. Code §1798.105(a): the deletion right covers what was collected from the
      // consumer.
      message
          .append(words.get("letter.outOfScope"))
          .append("\n- ")
          .append(String.join("\n- ", outOfScope))
          .append('\n');
    }
  }

  /**
   * The erased person was an organisation's contact and the policy lets the letter ask for another
   * ({@code replacement_contact} on the subject type).
   */
  static boolean asksReplacement(Policy policy, Plan plan) {
    boolean erased =
        plan.type() == RequestType.ERASURE
            || plan.type() == RequestType.DELETE
            || plan.type() == RequestType.PARENTAL_DELETION;
    return erased
        && plan.subjectType() != null
        && policy.subjectTypes().stream()
            .anyMatch(t -> t.id().equals(plan.subjectType()) && t.replacementContact());
  }

  private static String sourceName(Policy policy, String source) {
    return policy.sources().stream()
        .filter(s -> s.id().equals(source))
        .map(s -> s.name())
        .findFirst()
        .orElse(source);
  }
}
