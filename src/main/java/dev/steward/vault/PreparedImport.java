package dev.steward.vault;

import java.util.List;

/**
 * A batch of import rows with its computation done: identities hashed, a key made and values
 * encrypted for each row as if it were a new subject. Opaque; hand it to {@link
 * Vault#commitImport}. Made by {@link Vault#prepareImport}, possibly on another thread.
 */
public final class PreparedImport {
  final List<BulkImport.Prepared> rows;

  PreparedImport(List<BulkImport.Prepared> rows) {
    this.rows = List.copyOf(rows);
  }

  public int size() {
    return rows.size();
  }
}
