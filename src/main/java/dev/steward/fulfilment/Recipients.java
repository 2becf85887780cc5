package dev.steward.fulfilment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.principal.Principal;
import dev.steward.vault.Disclosure;
import dev.steward.vault.Disclosures;
import dev.steward.vault.SubjectNotFoundException;
import dev.steward.web.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * GDPR Art. 19: the recipients to tell of a rectification, erasure or restriction, as the
 * disclosure log shows them. The log hangs on the subject, which an erasure destroys, so the list
 * is captured into the task's evidence (recipient ids only) when the request is planned and again
 * before each attempt while the subject is still there; a retry after the erasure uses what was
 * captured.
 */
final class Recipients {
  private static final Principal ACTOR = new Principal.System("fulfilment");

  private final Disclosures disclosures;

  Recipients(Disclosures disclosures) {
    this.disclosures = disclosures;
  }

  /** Operations whose recipients must be told (Art. 19). */
  static boolean changesData(String operation) {
    return operation.equals(Operation.ERASE.id())
        || operation.equals(Operation.RECTIFY.id())
        || operation.equals(Operation.RESTRICT.id());
  }

  /** The recipient ids of the subject's disclosures; empty when the subject is already erased. */
  Optional<List<String>> read(UUID subjectId) {
    try {
      return Optional.of(
          disclosures.ofSubject(ACTOR, subjectId).stream()
              .map(Disclosure::recipient)
              .distinct()
              .toList());
    } catch (SubjectNotFoundException erased) {
      return Optional.empty();
    }
  }

  /** What was captured, joined with what the log shows now if the subject is still there. */
  List<String> current(UUID subjectId, List<String> captured) {
    Set<String> all = new LinkedHashSet<>(captured);
    read(subjectId).ifPresent(all::addAll);
    return List.copyOf(all);
  }

  /** The evidence a pending task starts with: its recipients, ids only. */
  static String evidence(List<String> recipients) {
    try {
      return Json.mapper().writeValueAsString(Map.of("recipients", recipients));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write evidence", e);
    }
  }

  /** The recipients in a task's evidence; none when it has no evidence yet. */
  static List<String> captured(String evidence) {
    if (evidence == null || evidence.isBlank()) {
      return List.of();
    }
    try {
      JsonNode node = Json.mapper().readTree(evidence);
      List<String> found = new ArrayList<>();
      node.path("recipients").forEach(r -> found.add(r.asText()));
      return found;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable evidence", e);
    }
  }
}
