package dev.steward.fulfilment;

import java.util.List;
import java.util.Map;

/**
 * What a system did for one task. {@code summary}, {@code counts}, {@code ids} and {@code kept} are
 * evidence and hold no personal data; {@code items} (access only) do, and are stored sealed.
 */
public record SystemResult(
    String summary,
    Map<String, Integer> counts,
    List<String> ids,
    List<KeptItem> kept,
    List<DataItem> items) {
  public SystemResult {
    counts = Map.copyOf(counts);
    ids = List.copyOf(ids);
    kept = List.copyOf(kept);
    items = List.copyOf(items);
  }

  public static SystemResult done(String summary, Map<String, Integer> counts, List<String> ids) {
    return new SystemResult(summary, counts, ids, List.of(), List.of());
  }
}
