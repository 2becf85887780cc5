package dev.steward.retention;

import java.time.Instant;
import java.util.UUID;

/**
 * A sweep run: when, by whom (trigger and actor id), what it did, and its certificate's hash once
 * finished.
 *
 * @param anonymised vault records whose values were destroyed, their counts kept
 * @param resumed true when this call finished a run an earlier one had started
 */
public record RunSummary(
    UUID id,
    String state,
    String trigger,
    String policyVersion,
    Instant asOf,
    Instant startedAt,
    Instant finishedAt,
    int deleted,
    int anonymised,
    int held,
    int failed,
    int pending,
    String certificateSha256,
    boolean resumed) {}
