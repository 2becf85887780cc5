package dev.steward.request;

import dev.steward.web.RouteRegistry;

/** Every route of the request feature: intake, the requester's verification, and the queue. */
public final class RequestRoutes {
  private final Requests requests;

  public RequestRoutes(Requests requests) {
    this.requests = requests;
  }

  public void addTo(RouteRegistry routes) {
    new IntakeRoutes(requests).addTo(routes);
    new VerificationRoutes(requests).addTo(routes);
    new CaseRoutes(requests).addTo(routes);
  }
}
