package dev.steward.discovery;

/**
 * A column or field that likely holds personal data of one type. No values: counts only.
 *
 * @param source a table ({@code schema.table}) or a file, relative to the scanned directory
 * @param column the column, or the log/JSON field
 * @param confidence from 0 to 1: the share of sampled values recognised, raised when the name
 *     agrees, lowered when only the name speaks
 * @param sampled non-empty values looked at
 * @param recognised values recognised as {@code type}
 */
public record Finding(
    String source,
    String column,
    PersonalDataType type,
    double confidence,
    int sampled,
    int recognised,
    boolean nameAgrees) {}
