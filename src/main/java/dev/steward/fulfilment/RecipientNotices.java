package dev.steward.fulfilment;

import dev.steward.mail.Outbox;
import dev.steward.mail.OutgoingMail;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.Recipient;
import dev.steward.web.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * GDPR Art. 19: tells each recipient the disclosure log shows of a rectification, erasure or
 * restriction, by email through the outbox or by webhook, and records every notice (a recipient
 * with no contact is recorded as such, for staff to follow). A recipient's contact is its {@code
 * notice_contact} in the policy in force, unless the node's settings name another for its id.
 */
final class RecipientNotices {
  private final Map<String, String> contacts;
  private final PublishedPolicies policies;
  private final Outbox outbox;
  private final Supplier<HttpClient> http;
  private final Jdbi jdbi;
  private final Clock clock;

  RecipientNotices(
      Map<String, String> contacts,
      PublishedPolicies policies,
      Outbox outbox,
      Supplier<HttpClient> http,
      Jdbi jdbi,
      Clock clock) {
    this.contacts = Map.copyOf(contacts);
    this.policies = policies;
    this.outbox = outbox;
    this.http = http;
    this.jdbi = jdbi;
    this.clock = clock;
  }

  int notify(UUID requestId, String operation, List<String> recipients) {
    int told = 0;
    for (String recipient : recipients.stream().distinct().toList()) {
      String contact = contact(recipient).orElse(null);
      String channel =
          contact == null ? "none" : contact.startsWith("mailto:") ? "email" : "webhook";
      String outcome;
      if (contact == null) {
        outcome = "no_contact";
      } else if (channel.equals("email")) {
        outbox.enqueue(
            OutgoingMail.text(
                    "art19-notice",
                    contact.substring(7),
                    "Data you received from us was " + operation + "d",
                    "Under GDPR Art. 19 we tell you that personal data we disclosed to you was "
                        + operation
                        + "d in answer to request "
                        + requestId
                        + ". Please do the same with your copy.")
                .relatedTo("request", requestId.toString()));
        outcome = "queued";
      } else {
        outcome = post(contact, requestId, operation);
      }
      if (!outcome.equals("no_contact")) {
        told++;
      }
      String result = outcome;
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate(
                      "insert into recipient_notification (id,"
                          + " request_id, recipient, channel, operation, outcome, notified_at) values (:id,"
                          + " :r, :recipient, :channel, :operation, :outcome, :now) on conflict do nothing")
                  .bind("id", UUID.randomUUID())
                  .bind("r", requestId)
                  .bind("recipient", recipient)
                  .bind("channel", channel)
                  .bind("operation", operation)
                  .bind("outcome", result)
                  .bind("now", clock.instant())
                  .execute());
    }
    return told;
  }

  private Optional<String> contact(String recipient) {
    String configured = contacts.get(recipient);
    if (configured != null) {
      return Optional.of(configured);
    }
    return policies.current().policy().recipients().stream()
        .filter(r -> r.id().equals(recipient))
        .findFirst()
        .flatMap(Recipient::noticeContact);
  }

  private String post(String url, UUID requestId, String operation) {
    try {
      byte[] body =
          Json.mapper()
              .writeValueAsBytes(
                  Map.of("event", "art19." + operation, "request", requestId.toString()));
      int status =
          http.get()
              .send(
                  HttpRequest.newBuilder(URI.create(url))
                      .timeout(Duration.ofSeconds(30))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      return "webhook_" + status;
    } catch (IOException e) {
      return "webhook_unreachable";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "webhook_interrupted";
    }
  }
}
