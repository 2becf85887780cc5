package dev.steward.session;

import dev.steward.request.RequestSummary;
import dev.steward.web.OptionalField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The bodies of the sign-in and self-service routes. */
final class SessionApi {
  private SessionApi() {}

  /** The email address or phone number to send the code to. */
  record IdentityBody(String type, String value) {}

  record StartBody(IdentityBody identity, @OptionalField String language) {}

  /** Opaque; the same shape whether or not the identity is known. */
  record Started(String challengeId) {}

  record VerifyBody(String challengeId, String code) {}

  /** The session token, shown this once. */
  record SignedIn(String token, Instant expiresAt) {}

  /** One of the person's own requests, as they may see it. */
  record MyRequest(String reference, String type, String state, LocalDate dueDate) {
    static MyRequest of(RequestSummary summary) {
      return new MyRequest(summary.reference(), summary.type(), summary.state(), summary.dueDate());
    }
  }

  record MyRequests(List<MyRequest> requests) {}
}
