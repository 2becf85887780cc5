package dev.steward.policy;

import java.util.List;

/**
 * Entities that decide together why and how data is processed (GDPR Art. 26).
 *
 * @param arrangement what the entities agreed about their respective duties, or {@code unstated}
 */
public record JointController(String id, String name, List<String> entities, String arrangement) {
  public JointController {
    entities = List.copyOf(entities);
  }
}
