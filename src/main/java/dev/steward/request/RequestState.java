package dev.steward.request;

import dev.steward.error.ConflictException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a request stands. Open states lead to one of the three closed ones; {@link #moveTo} refuses
 * every other move with a 409 that names both states.
 */
public enum RequestState {
  RECEIVED,
  AWAITING_VERIFICATION,
  VERIFIED,
  IN_PROGRESS,
  AWAITING_SYSTEMS,
  COMPLETED,
  DENIED,
  WITHDRAWN;

  private static final Set<RequestState> CLOSED = EnumSet.of(COMPLETED, DENIED, WITHDRAWN);
  private static final Set<RequestState> BEFORE_WORK =
      EnumSet.of(RECEIVED, AWAITING_VERIFICATION, VERIFIED);

  public boolean isOpen() {
    return !CLOSED.contains(this);
  }

  /** True while no work on the request has started: its sender may still take it back. */
  public boolean isBeforeWork() {
    return BEFORE_WORK.contains(this);
  }

  /** The states this one may move to. */
  Set<RequestState> next() {
    return switch (this) {
      case RECEIVED -> EnumSet.of(AWAITING_VERIFICATION, VERIFIED, DENIED, WITHDRAWN);
      case AWAITING_VERIFICATION -> EnumSet.of(VERIFIED, DENIED, WITHDRAWN);
      case VERIFIED -> EnumSet.of(IN_PROGRESS, DENIED, WITHDRAWN);
      case IN_PROGRESS -> EnumSet.of(AWAITING_SYSTEMS, COMPLETED, DENIED, WITHDRAWN);
      case AWAITING_SYSTEMS -> EnumSet.of(IN_PROGRESS, COMPLETED, DENIED, WITHDRAWN);
      case COMPLETED, DENIED, WITHDRAWN -> EnumSet.noneOf(RequestState.class);
    };
  }

  /** This state's successor, or a conflict when the move is not allowed from here. */
  RequestState moveTo(RequestState target) {
    if (!next().contains(target)) {
      throw new ConflictException(
          "a request that is " + id() + " cannot become " + target.id() + "; allowed: " + next());
    }
    return target;
  }

  /** The name used in the API and the store, e.g. {@code awaiting_verification}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RequestState of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return id();
  }
}
