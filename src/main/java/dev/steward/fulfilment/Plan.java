package dev.steward.fulfilment;

import dev.steward.policy.RequestType;
import java.util.List;
import java.util.UUID;

/** What fulfilment keeps of a started request; {@code subjectId} is null for content removal. */
record Plan(
    UUID requestId,
    RequestType type,
    UUID subjectId,
    String language,
    List<String> jurisdictions) {}
