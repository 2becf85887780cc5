package dev.steward.connector;

import dev.steward.fulfilment.DataSystem;
import java.util.Set;

/**
 * One kind of connector ({@code type: sql}, {@code type: logs} ...): the keys its {@code
 * connector:} block takes, and how it opens a {@link DataSystem} from one. {@link Connectors}
 * checks the keys before {@link #open} is called; {@code open} reports further problems (a file
 * that cannot be read, a table that does not exist) to {@link Declared#problems()} with their
 * place. Implementations are stateless and thread-safe.
 */
public interface ConnectorType {

  /** The {@code type:} value, e.g. {@code sql}. */
  String type();

  /** Keys the block must have besides {@code type}. */
  Set<String> requiredKeys();

  /** Keys the block may have besides the required ones. */
  Set<String> optionalKeys();

  /**
   * The system the block declares, or null when a problem was reported. May reach the system to
   * check what it declares (a live schema); a system that cannot be reached yet is not a problem:
   * the check is made again before its first operation.
   */
  DataSystem open(Declared declared);
}
