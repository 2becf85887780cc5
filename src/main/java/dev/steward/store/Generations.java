package dev.steward.store;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Named counters in the store ({@code generation} table) that say "rows of this kind changed", so a
 * node may cache what it derives from those rows and trust the cache while the counter stands
 * still. Reading a counter costs at most one query per name per {@link #MAX_AGE} on each node. A
 * change made through this node is seen by it at once; one made on another node, or by a CLI
 * command, within {@link #MAX_AGE}. Thread-safe; one per {@link Database}.
 */
public final class Generations {
  /** How stale a node's view of a counter changed elsewhere may be. */
  public static final Duration MAX_AGE = Duration.ofMillis(250);

  private static final long MAX_AGE_NANOS = MAX_AGE.toNanos();

  private record Seen(long value, long readAtNanos, long localChanges) {}

  private final Jdbi jdbi;
  private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();
  private final AtomicLong localChanges = new AtomicLong();

  Generations(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Bumps {@code name} inside the caller's transaction; this node stops trusting its cached value
   * once that transaction commits.
   *
   * @throws IllegalArgumentException for a name no migration declared
   */
  public void bump(Handle handle, String name) {
    if (handle.execute("update generation set generation = generation + 1 where kind = ?", name)
        != 1) {
      throw new IllegalArgumentException("no generation counter named " + name);
    }
    handle.afterCommit(localChanges::incrementAndGet);
  }

  /** The counter's value, as read from the store at most {@link #MAX_AGE} ago. */
  public long current(String name) {
    long now = System.nanoTime();
    long changes = localChanges.get();
    Seen last = seen.get(name);
    if (last != null
        && last.localChanges() == changes
        && now - last.readAtNanos() < MAX_AGE_NANOS) {
      return last.value();
    }
    long value =
        jdbi.withHandle(
            handle ->
                handle
                    .select("select generation from generation where kind = ?", name)
                    .mapTo(Long.class)
                    .findOne()
                    .orElseThrow(
                        () -> new IllegalArgumentException("no generation counter named " + name)));
    // Counted before the read: a change committed here meanwhile makes this value untrusted.
    seen.put(name, new Seen(value, now, changes));
    return value;
  }
}
