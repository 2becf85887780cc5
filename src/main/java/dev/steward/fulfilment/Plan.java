package dev.steward.fulfilment;

import dev.steward.policy.RequestType;
import java.util.List;
import java.util.UUID;

/**
 * What fulfilment keeps of a started request; {@code subjectId} and {@code subjectType} are null
 * for content removal.
 *
 * @param subjectType the policy's subject type of the vault subject, read at planning
 */
record Plan(
    UUID requestId,
    RequestType type,
    UUID subjectId,
    String subjectType,
    String language,
    List<String> jurisdictions) {}
