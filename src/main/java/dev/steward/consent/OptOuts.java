package dev.steward.consent;

import dev.steward.audit.AuditTrail;
import dev.steward.principal.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Opt-outs of sale/sharing and of the use of sensitive data, per party, append-only ({@code
 * opt_out_event}). An opt-out for a device reaches every subject linked to it (11 CCR 7025(c)(1):
 * the browser "and any consumer profile associated with that browser"). Thread-safe.
 */
public final class OptOuts {
  /** Where an opt-out came from; kept with it and shown in decisions. */
  public enum Source {
    /** The {@code Sec-GPC: 1} request header (11 CCR 7025). */
    GPC,
    /** The opt-out API, called by the person's browser or the company's site. */
    API,
    /** A rights request, in its fulfilment. */
    REQUEST,
    /** A cookie banner choice. */
    BANNER;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Jdbi jdbi;
  private final AuditTrail audit;
  private final ConsentStates states;
  private final Clock clock;

  public OptOuts(Jdbi jdbi, AuditTrail audit, ConsentStates states, Clock clock) {
    this.jdbi = jdbi;
    this.audit = audit;
    this.states = states;
    this.clock = clock;
  }

  /**
   * Records opt-outs of {@code kinds} for {@code parties} (and the subjects linked to any device
   * among them) in the caller's transaction. One already in force is recorded again only when it
   * comes from another source, so a browser sending GPC on every call adds nothing after the first.
   *
   * @param reference what it was recorded for, e.g. a request id; may be null
   * @return how many opt-out events were appended
   */
  public int optOut(
      Handle handle,
      Principal actor,
      Set<Party> parties,
      Set<OptOutKind> kinds,
      Source source,
      String reference) {
    Instant now = clock.instant();
    Set<Party> reached = new LinkedHashSet<>(parties);
    for (Party party : parties) {
      if (party.kind() == Party.Kind.DEVICE) {
        handle
            .createQuery("select subject_id from consent_device_link where device_id = :id")
            .bind("id", party.id())
            .mapTo(UUID.class)
            .forEach(subject -> reached.add(Party.subject(subject)));
      }
    }
    List<Party> changed = new ArrayList<>();
    int appended = 0;
    for (Party party : reached) {
      var inForce = StateLoader.optOuts(handle, party);
      for (OptOutKind kind : kinds) {
        if (source.code().equals(inForce.get(kind))) {
          continue;
        }
        handle
            .createUpdate(
                "insert into opt_out_event (id, party, kind, action, source, reference,"
                    + " occurred_at) values (:id, :party, :kind, 'opt_out', :source, :reference,"
                    + " :now)")
            .bind("id", UUID.randomUUID())
            .bind("party", party.key())
            .bind("kind", kind.code())
            .bind("source", source.code())
            .bindByType("reference", reference, String.class)
            .bind("now", now)
            .execute();
        audit.record(
            handle,
            actor,
            "opt-out." + kind.code(),
            party.kind().code(),
            party.id(),
            "ok",
            "source=" + source.code() + (reference == null ? "" : " reference=" + reference));
        appended++;
        changed.add(party);
      }
    }
    if (!changed.isEmpty()) {
      states.changed(handle, changed);
    }
    return appended;
  }

  /** {@link #optOut} in a transaction of its own. */
  public int optOut(
      Principal actor, Set<Party> parties, Set<OptOutKind> kinds, Source source, String reference) {
    return jdbi.inTransaction(handle -> optOut(handle, actor, parties, kinds, source, reference));
  }
}
