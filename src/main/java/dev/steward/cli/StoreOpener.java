package dev.steward.cli;

import dev.steward.store.Database;

/** Opens the data store named by the common options; the command closes it. */
@FunctionalInterface
public interface StoreOpener {
  Database open();
}
