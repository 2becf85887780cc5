package dev.steward.request;

import java.time.Instant;
import java.util.List;

/**
 * One of a person's requests as the privacy center's status page shows it to them.
 *
 * @param awaited what the request waits for from the person, as verification step ids ({@code
 *     code}, {@code documents}, ...), in a stable order; empty when nothing is awaited
 * @param letters the letters written about the request, oldest first
 */
public record OwnRequest(RequestSummary summary, List<String> awaited, List<Letter> letters) {

  /**
   * A letter about the request: its kind (the outbox's, e.g. {@code letter.completion}) and when
   * the mail server took it; {@code sentAt} is null while it is still on its way.
   */
  public record Letter(String kind, Instant sentAt) {}
}
