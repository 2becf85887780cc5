package dev.steward.vault;

import org.jdbi.v3.core.Handle;

/**
 * Work that must commit or roll back together with a bulk-import batch, run inside the batch's
 * transaction of the data store after its rows are written: the importer's checkpoint, and other
 * features' rows about the same subjects (such as disclosures).
 */
@FunctionalInterface
public interface ImportHook {
  ImportHook NONE = (handle, outcomes) -> {};

  /**
   * @param outcomes one per row of the batch, in order
   */
  void inTransaction(Handle handle, java.util.List<ImportOutcome> outcomes);
}
