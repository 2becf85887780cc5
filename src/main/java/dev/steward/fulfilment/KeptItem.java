package dev.steward.fulfilment;

import java.time.Instant;

/**
 * An item an erasure kept, with the exemption and its ground that keep it, and until when. No
 * personal data: ids and codes only.
 */
public record KeptItem(
    String system, String id, String category, String exemption, Instant until) {}
