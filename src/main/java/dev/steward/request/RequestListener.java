package dev.steward.request;

import org.jdbi.v3.core.Handle;

/**
 * Told of every state change of a request, inside the transaction that makes it, so that what it
 * writes (a callback to schedule, say) commits or rolls back with the change. It must not call back
 * into {@link Requests}, and a failure it throws undoes the change.
 */
@FunctionalInterface
public interface RequestListener {
  RequestListener NONE = (handle, request, from) -> {};

  /**
   * @param request the request as it now stands
   * @param from the state it left
   */
  void stateChanged(Handle handle, RequestSummary request, RequestState from);
}
