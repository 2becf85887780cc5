package dev.steward.retention;

import java.time.LocalDate;

/** A legal hold to place; every field is required. */
public record NewHold(
    Hold.Scope scope, String target, String reason, String owner, LocalDate reviewOn) {}
