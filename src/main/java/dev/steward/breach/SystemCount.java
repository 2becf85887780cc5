package dev.steward.breach;

/**
 * The people a breach may have reached in one system of the data map.
 *
 * @param vaultPeople the people whose vault records place them in the system: a floor, since the
 *     vault knows only the people it holds
 * @param systemPeople the system's own count, or null when it cannot count (unknown)
 */
public record SystemCount(String system, int vaultPeople, Integer systemPeople) {
  /** True when no one counted the system itself: the number there is unknown. */
  public boolean unknown() {
    return systemPeople == null;
  }
}
