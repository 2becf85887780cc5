package dev.steward.breach;

import dev.steward.web.OptionalField;
import java.time.Instant;
import java.util.List;

/** A change of an incident's facts: the fields given replace the recorded ones; why is required. */
public record BreachChange(
    @OptionalField String title,
    @OptionalField String whatHappened,
    @OptionalField Instant beganAt,
    @OptionalField Instant awareAt,
    @OptionalField String howFound,
    @OptionalField List<String> systems,
    @OptionalField List<String> categories,
    @OptionalField List<String> jurisdictions,
    @OptionalField Instant windowFrom,
    @OptionalField Instant windowTo,
    @OptionalField String consequences,
    @OptionalField String measures,
    @OptionalField String risk,
    String reason) {}
