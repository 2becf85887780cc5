package dev.steward.request;

import dev.steward.web.RouteRegistry;

/** Every route of the request feature: intake, the requester's verification, and the queue. */
public final class RequestRoutes {
  private final Requests requests;
  private final IntakeGate intake;

  /** Routes whose intake admits no more submissions at once than the store has connections. */
  public RequestRoutes(Requests requests, int storePoolSize) {
    this.requests = requests;
    this.intake = IntakeGate.forPool(storePoolSize);
  }

  public RequestRoutes(Requests requests) {
    this.requests = requests;
    this.intake = IntakeGate.open();
  }

  public void addTo(RouteRegistry routes) {
    new IntakeRoutes(requests, intake).addTo(routes);
    new VerificationRoutes(requests).addTo(routes);
    new CaseRoutes(requests).addTo(routes);
  }
}
