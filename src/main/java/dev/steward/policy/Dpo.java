package dev.steward.policy;

import java.util.Optional;

/** The data protection officer: the entity that appoints them and the contact route to them. */
public record Dpo(String entity, String contact, Optional<String> title) {}
