package dev.steward.cli;

import dev.steward.keys.Keys;
import dev.steward.store.Database;

/**
 * Loads the shared keys named by the common options (keys directory, {@code STEWARD_KEY_*}) and
 * checks them against the store just opened.
 */
@FunctionalInterface
public interface KeysOpener {
  Keys open(Database database);
}
