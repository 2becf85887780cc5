package dev.steward.consent;

import dev.steward.store.Database;
import dev.steward.store.Engine;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state decisions read, per party, cached in memory.
 *
 * <p>Design. A party's state is loaded from the store on first use and kept until a change about
 * it. Every change goes through {@link #changed}, inside the change's transaction, which finds
 * every party whose state includes the changed one's (a subject's identities and devices, an
 * identity's subject ...): after the commit this node drops their entries, and on PostgreSQL the
 * transaction also sends {@code NOTIFY steward_consent, '<party key>'}, delivered to every node
 * only if it commits; each node listens on a connection of its own and drops the entry it names. A
 * node that loses that connection drops everything and listens again, so a notification missed
 * meanwhile cannot leave a stale allow. A load races a change by comparing an invalidation counter
 * before and after: a state read before a change that landed meanwhile is returned but not kept. An
 * entry also lives at most {@link #MAX_AGE_NANOS}, which bounds what a change made outside these
 * paths (staff linking subjects, an operator's SQL) can leave behind. On H2 there is one node;
 * nothing is sent.
 *
 * <p>Thread-safe; one per node. {@link #close} stops the listener.
 */
public final class ConsentStates implements AutoCloseable {
  static final String CHANNEL = "steward_consent";
  private static final Logger log = LoggerFactory.getLogger(ConsentStates.class);
  private static final long MAX_AGE_NANOS = 60_000_000_000L;
  private static final int MAX_ENTRIES = 2_000_000;

  /** Beyond this many parties touched by one change, every node forgets everything. */
  private static final int MAX_AFFECTED = 500;

  /** The notification that makes a node forget everything. */
  private static final String EVERYTHING = "*";

  private record Entry(PartyState state, long loadedAt) {}

  private final Database database;
  private final boolean notify;
  private final long maxAgeNanos;
  private final ConcurrentHashMap<Party, Entry> cache = new ConcurrentHashMap<>();
  private final AtomicLong invalidations = new AtomicLong();
  private volatile boolean closed;
  private Thread listener;
  private Database listening;

  public ConsentStates(Database database) {
    this(database, MAX_AGE_NANOS);
  }

  /**
   * With entries kept at most {@code maxAgeNanos}: for a benchmark that loads a million parties
   * before it measures. Nodes use {@link #MAX_AGE_NANOS}.
   */
  public ConsentStates(Database database, long maxAgeNanos) {
    this.database = database;
    this.notify = database.engine() == Engine.POSTGRESQL;
    this.maxAgeNanos = maxAgeNanos;
  }

  /** Starts listening for other nodes' changes (PostgreSQL only). */
  public ConsentStates start() {
    if (notify) {
      // A pool of its own: the listening connection is held for the node's life.
      listening = database.sibling("consent-listener", 1);
      listener = new Thread(this::listen, "steward-consent-listener");
      listener.setDaemon(true);
      listener.start();
    }
    return this;
  }

  /** The party's state now: from memory when no change was seen since it was loaded. */
  public PartyState state(Party party) {
    long now = System.nanoTime();
    Entry entry = cache.get(party);
    if (entry != null && now - entry.loadedAt() < maxAgeNanos) {
      return entry.state();
    }
    long before = invalidations.get();
    PartyState loaded = database.jdbi().withHandle(handle -> StateLoader.load(handle, party));
    if (invalidations.get() == before) {
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.put(party, new Entry(loaded, now));
    }
    return loaded;
  }

  /**
   * A count that grows with every change this node has seen (its own, or on PostgreSQL another
   * node's): something derived from the store while it stayed the same holds no stale state, except
   * for changes made outside these paths, which {@link #maxAgeNanos()} bounds.
   */
  public long changes() {
    return invalidations.get();
  }

  /** How long a state read from the store may be used at most. */
  public long maxAgeNanos() {
    return maxAgeNanos;
  }

  /** The party's state read in the caller's transaction, bypassing the cache. */
  public PartyState stateIn(Handle handle, Party party) {
    return StateLoader.load(handle, party);
  }

  /**
   * Marks {@code parties} changed by the caller's transaction: once it commits this node forgets
   * them, and on PostgreSQL every other node is told with the commit.
   */
  public void changed(Handle handle, Collection<Party> parties) {
    java.util.Set<String> affected = new java.util.LinkedHashSet<>();
    for (Party party : parties) {
      affected.addAll(StateLoader.affected(handle, party, MAX_AFFECTED));
    }
    List<String> keys =
        affected.size() >= MAX_AFFECTED ? List.of(EVERYTHING) : List.copyOf(affected);
    if (notify) {
      for (String key : keys) {
        handle
            .createQuery("select pg_notify(:channel, :key)")
            .bind("channel", CHANNEL)
            .bind("key", key)
            .mapTo(String.class)
            .findOne();
      }
    }
    Runnable forget = () -> keys.forEach(this::forget);
    if (handle.isInTransaction()) {
      handle.afterCommit(forget);
    } else {
      forget.run();
    }
  }

  /**
   * Marks {@code parties} changed by something already committed outside this feature (the vault's
   * erasure): this node and, on PostgreSQL, every other node forget them now.
   */
  public void announce(Collection<Party> parties) {
    database.jdbi().useHandle(handle -> changed(handle, parties));
  }

  /** Forgets one party on this node only. */
  public void forget(Party party) {
    forget(party.key());
  }

  /** Forgets everything: device and identity entries include the subjects they lead to. */
  public void forgetAll() {
    invalidations.incrementAndGet();
    cache.clear();
  }

  private void forget(String key) {
    invalidations.incrementAndGet();
    if (key.equals(EVERYTHING)) {
      cache.clear();
    } else {
      cache.remove(Party.fromKey(key));
    }
  }

  private void listen() {
    while (!closed) {
      try (Connection connection = listening.dataSource().getConnection()) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("listen " + CHANNEL);
        }
        // Whatever changed while no one listened is unknown: start afresh.
        forgetAll();
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] notifications = pg.getNotifications(500);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              forget(notification.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!closed) {
          forgetAll();
          log.warn(
              "consent change listener lost its connection; listening again: {}", e.toString());
          sleep();
        }
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    if (listener != null) {
      listener.interrupt();
      try {
        listener.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      listening.close();
    }
  }
}
