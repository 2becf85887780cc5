package dev.steward.request;

import dev.steward.web.OptionalField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One request as staff work it: its clocks, its history, its documents and the requester's contact
 * details (personal data; reading them is audited). Which parts a caller gets is {@code
 * RequestProjection}'s choice: the outline leaves {@code contact} and every step's {@code note}
 * null.
 *
 * @param contact null in the outline, for callers without {@code request:contact-read}
 */
public record RequestDetail(
    RequestSummary summary,
    String residence,
    String language,
    String document,
    String verificationLevel,
    List<String> verificationNeeded,
    List<String> verificationDone,
    Instant identityReceivedAt,
    Instant verifiedAt,
    Instant confirmBy,
    Instant confirmedAt,
    UUID subjectId,
    String outcome,
    String exemption,
    Instant closedAt,
    @OptionalField RequesterContact contact,
    List<Clock> clocks,
    List<Step> history,
    List<Document> documents,
    List<Alias> alsoReceivedAs) {

  /** How to reach the requester and what they wrote. */
  public record RequesterContact(
      String email, String phone, String details, String agentName, String agentEmail) {}

  /**
   * One jurisdiction's clock; {@code governs} marks the earliest; {@code uncounted} says why it has
   * no due date when its calendar lacks a year the count needs or cannot be used; while a
   * clarification stops it, {@code stoppedSince} says since when and {@code daysLeftWhenResumed}
   * how many days it will still run once the answer arrives.
   */
  public record Clock(
      String jurisdiction,
      String count,
      int amount,
      String calendar,
      LocalDate countedFrom,
      int daysPaused,
      LocalDate dueDate,
      Instant dueAt,
      Instant confirmBy,
      boolean extended,
      boolean governs,
      String uncounted,
      Instant stoppedSince,
      Integer daysLeftWhenResumed) {}

  /** One step of the request's life; {@code note} is staff text, opened for the case view only. */
  public record Step(
      Instant at,
      String action,
      String fromState,
      String toState,
      String actorType,
      String actorId,
      String code,
      @OptionalField String note) {}

  /** An uploaded document, without its content. */
  public record Document(
      UUID id, String kind, String contentType, int sizeBytes, Instant uploadedAt, String status) {}

  /** A later submission linked to this request instead of forking a new one. */
  public record Alias(String reference, String channel, Instant receivedAt) {}
}
