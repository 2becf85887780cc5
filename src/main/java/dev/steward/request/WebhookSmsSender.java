package dev.steward.request;

import dev.steward.error.StewardException;
import dev.steward.web.OutboundHttp;
import dev.steward.web.Webhook;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

/**
 * Sends text messages through the deployment's SMS gateway ({@code sms-webhook-*} settings): a
 * signed {@code POST} of {@code {"to": "+E.164", "text": "..."}}; any 2xx answer is a sent message.
 * Neither the number nor the text is logged. Thread-safe.
 */
public final class WebhookSmsSender implements SmsSender {
  private final Webhook gateway;
  private final Clock clock;

  public WebhookSmsSender(Webhook gateway, Clock clock) {
    this.gateway = gateway;
    this.clock = clock;
  }

  @Override
  public void send(String phone, String text) {
    int status;
    try {
      status =
          OutboundHttp.client()
              .send(
                  gateway.post(Map.of("to", phone, "text", text), clock.instant()),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
    } catch (IOException e) {
      throw unavailable("the SMS gateway could not be reached");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while sending");
    }
    if (status < 200 || status > 299) {
      throw unavailable("the SMS gateway answered " + status);
    }
  }

  private static StewardException unavailable(String why) {
    return new StewardException(
        "sms-unavailable",
        503,
        "the code could not be sent by text message (" + why + "); try again later");
  }
}
