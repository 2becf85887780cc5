package dev.steward.consent;

import dev.steward.audit.AuditTrail;
import dev.steward.principal.Principal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Marketing subscriptions per channel (email, phone, post), purpose and topic, append-only ({@code
 * subscription_event}): a person leaves a channel, a purpose's messages or one topic, and comes
 * back, and decisions stop exactly what they left (RULES.md: "unsubscribed from that channel/topic
 * (that channel/topic only)"). Email and phone choices are kept under the identity's keyed hash, so
 * an unsubscribe outlives an erasure of the person: those rows on the email channel are the
 * suppression list. Thread-safe.
 */
public final class Subscriptions {
  /** Any purpose or topic: the whole channel, or all of a purpose's topics. */
  public static final String ALL = "*";

  /** The channels a person subscribes to or leaves. */
  public enum Channel {
    EMAIL,
    PHONE,
    POST;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The channel with this code, or null. */
    public static Channel of(String code) {
      for (Channel channel : values()) {
        if (channel.code().equals(code)) {
          return channel;
        }
      }
      return null;
    }
  }

  /** Where a change came from; kept with it. */
  public enum Source {
    /** The RFC 8058 one-click POST a mail client makes from {@code List-Unsubscribe}. */
    ONE_CLICK,
    /** The unsubscribe page a person reached from a link and confirmed. */
    LINK,
    /** The signed-in preferences page. */
    PREFERENCES;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What a choice is about: a channel, and within it a purpose ({@link #ALL} for every one) and a
   * topic of that purpose ({@link #ALL} for all of them).
   */
  public record Scope(Channel channel, String purpose, String topic) {
    public Scope {
      Objects.requireNonNull(channel, "channel");
      purpose = purpose == null ? ALL : purpose;
      topic = topic == null ? ALL : topic;
      if (purpose.equals(ALL) && !topic.equals(ALL)) {
        throw new IllegalArgumentException("a topic belongs to a purpose");
      }
    }

    public static Scope channel(Channel channel) {
      return new Scope(channel, ALL, ALL);
    }

    /** {@code email|marketing|events}: how it is kept in a party's state. */
    public String key() {
      return channel.code() + "|" + purpose + "|" + topic;
    }

    /** True when leaving this scope stops a message by {@code channel} for purpose and topic. */
    boolean stops(String channelCode, String purposeId, String topicId) {
      return channel.code().equals(channelCode)
          && (purpose.equals(ALL) || purpose.equals(purposeId))
          && (topic.equals(ALL) || topic.equals(topicId));
    }

    static Scope fromKey(String key) {
      String[] parts = key.split("\\|", 3);
      return new Scope(Channel.of(parts[0]), parts[1], parts[2]);
    }
  }

  /**
   * True when a party state's unsubscribes stop a message by {@code channel} for {@code purpose}
   * and {@code topic} (null: the purpose's messages as a whole).
   */
  public static boolean stops(
      Set<String> unsubscribed, String channel, String purpose, String topic) {
    for (String key : unsubscribed) {
      if (Scope.fromKey(key).stops(channel, purpose, topic)) {
        return true;
      }
    }
    return false;
  }

  private final Jdbi jdbi;
  private final AuditTrail audit;
  private final ConsentStates states;
  private final Clock clock;

  public Subscriptions(Jdbi jdbi, AuditTrail audit, ConsentStates states, Clock clock) {
    this.jdbi = jdbi;
    this.audit = audit;
    this.states = states;
    this.clock = clock;
  }

  /**
   * Leaves ({@code subscribe} false) or rejoins a scope for a party in the caller's transaction.
   * Idempotent: a choice already in force for the party is not recorded again.
   *
   * @return true when an event was appended
   */
  public boolean change(
      Handle handle, Principal actor, Party party, Scope scope, boolean subscribe, Source source) {
    boolean unsubscribedNow = unsubscribed(handle, List.of(party)).contains(scope.key());
    if (unsubscribedNow != subscribe) {
      return false;
    }
    String action = subscribe ? "subscribe" : "unsubscribe";
    handle
        .createUpdate(
            "insert into subscription_event (id, party, channel, purpose, topic, action, source,"
                + " occurred_at) values (:id, :party, :channel, :purpose, :topic, :action,"
                + " :source, :now)")
        .bind("id", UUID.randomUUID())
        .bind("party", party.key())
        .bind("channel", scope.channel().code())
        .bind("purpose", scope.purpose())
        .bind("topic", scope.topic())
        .bind("action", action)
        .bind("source", source.code())
        .bind("now", clock.instant())
        .execute();
    audit.record(
        handle,
        actor,
        "subscription." + action,
        party.kind().code(),
        party.id(),
        "ok",
        "scope=" + scope.key() + " source=" + source.code());
    states.changed(handle, List.of(party));
    return true;
  }

  /** {@link #change} in a transaction of its own. */
  public boolean change(
      Principal actor, Party party, Scope scope, boolean subscribe, Source source) {
    return jdbi.inTransaction(handle -> change(handle, actor, party, scope, subscribe, source));
  }

  /**
   * The scopes left by any of {@code parties}, as {@link Scope#key()}s: per scope the latest event
   * across them wins, so a person who rejoined from the preferences page after a one-click
   * unsubscribe is subscribed again.
   */
  static Set<String> unsubscribed(Handle handle, Collection<Party> parties) {
    if (parties.isEmpty()) {
      return Set.of();
    }
    Map<String, Instant> when = new HashMap<>();
    Map<String, Boolean> left = new HashMap<>();
    handle
        .createQuery(
            "select channel, purpose, topic, action, occurred_at from subscription_event"
                + " where party in (<parties>) order by occurred_at, id")
        .bindList("parties", parties.stream().map(Party::key).toList())
        .map(
            (rs, ctx) ->
                new Object[] {
                  rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                  rs.getString(4),
                  rs.getTimestamp(5).toInstant()
                })
        .forEach(
            row -> {
              String key = (String) row[0];
              Instant at = (Instant) row[2];
              Instant before = when.get(key);
              if (before == null || !at.isBefore(before)) {
                when.put(key, at);
                left.put(key, row[1].equals("unsubscribe"));
              }
            });
    return left.entrySet().stream()
        .filter(Map.Entry::getValue)
        .map(Map.Entry::getKey)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /**
   * True when the keyed hash of an email address is on the suppression list for a message of {@code
   * purpose} and {@code topic} (null: none): it left email, the purpose or the topic. Reads only
   * the hash's own rows, never the vault, so it holds after the person was erased.
   */
  public boolean suppressed(String emailHash, String purpose, String topic) {
    Set<String> left =
        jdbi.withHandle(handle -> unsubscribed(handle, List.of(Party.identity(emailHash))));
    return stops(left, Channel.EMAIL.code(), purpose, topic);
  }

  /** One entry of the suppression list. */
  public record Suppressed(String hash, String purpose, String topic, Instant since) {}

  /**
   * The suppression list: every email hash whose latest choice for a scope is to leave it, in hash
   * order, one entry per scope left.
   */
  public List<Suppressed> suppressionList() {
    return jdbi.withHandle(
        handle -> {
          Map<String, Object[]> latest = new LinkedHashMap<>();
          handle
              .createQuery(
                  "select party, purpose, topic, action, occurred_at from subscription_event"
                      + " where channel = 'email' and party like 'identity:%'"
                      + " order by occurred_at, id")
              .map(
                  (rs, ctx) ->
                      new Object[] {
                        rs.getString(1).substring("identity:".length()),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()
                      })
              .forEach(row -> latest.put(row[0] + "|" + row[1] + "|" + row[2], row));
          TreeMap<String, Suppressed> sorted = new TreeMap<>();
          latest.forEach(
              (key, row) -> {
                if (row[3].equals("unsubscribe")) {
                  sorted.put(
                      key,
                      new Suppressed(
                          (String) row[0], (String) row[1], (String) row[2], (Instant) row[4]));
                }
              });
          return new ArrayList<>(sorted.values());
        });
  }

  /** Suppressed hashes per purpose ({@code *}: all marketing email), for the console. */
  public Map<String, Long> suppressionCounts() {
    Map<String, Long> counts = new TreeMap<>();
    for (Suppressed entry : suppressionList()) {
      String scope = entry.purpose() + (entry.topic().equals(ALL) ? "" : "/" + entry.topic());
      counts.merge(scope, 1L, Long::sum);
    }
    return counts;
  }

  /** Audits an export of the suppression list ({@code suppression.export}, the row count). */
  public void recordExport(Principal actor, int rows) {
    audit.record(actor, "suppression.export", "suppression-list", "email", "ok", "rows=" + rows);
  }

  /**
   * Writes the suppression list as CSV (RFC 4180, header line, LF): {@code
   * hash,algorithm,purpose,topic,since}. The hash is the identity index's HMAC-SHA256 (hex) of the
   * normalised address, the key Steward's own look-ups use; a mailing tool matches it through
   * Steward or with that key. Audited by the caller.
   */
  public int export(Writer out) {
    List<Suppressed> entries = suppressionList();
    try {
      out.write("hash,algorithm,purpose,topic,since\n");
      for (Suppressed entry : entries) {
        out.write(
            entry.hash()
                + ",hmac-sha256-identity-index,"
                + entry.purpose()
                + ","
                + entry.topic()
                + ","
                + entry.since()
                + "\n");
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries.size();
  }
}
