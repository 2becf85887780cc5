package dev.steward.fulfilment;

import java.util.List;
import java.util.Map;

/**
 * What a system did for one task. {@code summary}, {@code counts}, {@code ids}, {@code kept} and
 * {@code outOfScope} are evidence and hold no personal data; {@code items} (access only) do, and
 * are stored sealed.
 *
 * @param outOfScope items a deletion did not cover because the law limits its scope (CCPA)
 */
public record SystemResult(
    String summary,
    Map<String, Integer> counts,
    List<String> ids,
    List<KeptItem> kept,
    List<DataItem> items,
    List<OutOfScopeItem> outOfScope) {
  public SystemResult {
    counts = Map.copyOf(counts);
    ids = List.copyOf(ids);
    kept = List.copyOf(kept);
    items = List.copyOf(items);
    outOfScope = List.copyOf(outOfScope);
  }

  /** A result with nothing out of scope. */
  public SystemResult(
      String summary,
      Map<String, Integer> counts,
      List<String> ids,
      List<KeptItem> kept,
      List<DataItem> items) {
    this(summary, counts, ids, kept, items, List.of());
  }

  public static SystemResult done(String summary, Map<String, Integer> counts, List<String> ids) {
    return new SystemResult(summary, counts, ids, List.of(), List.of());
  }
}
