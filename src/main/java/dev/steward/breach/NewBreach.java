package dev.steward.breach;

import dev.steward.web.OptionalField;
import java.time.Instant;
import java.util.List;

/**
 * An incident as staff first record it.
 *
 * @param jurisdictions the policy's jurisdictions the incident falls under; when left out, every
 *     jurisdiction that declares breach clocks
 * @param risk {@code unassessed} when left out
 */
public record NewBreach(
    String title,
    String whatHappened,
    @OptionalField Instant beganAt,
    Instant awareAt,
    @OptionalField String howFound,
    List<String> systems,
    List<String> categories,
    @OptionalField List<String> jurisdictions,
    @OptionalField Instant windowFrom,
    @OptionalField Instant windowTo,
    @OptionalField String consequences,
    @OptionalField String measures,
    @OptionalField String risk) {}
