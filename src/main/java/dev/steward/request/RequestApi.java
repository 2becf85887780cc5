package dev.steward.request;

import dev.steward.error.BadRequestException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.NotFoundException;
import dev.steward.web.OptionalField;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bodies the request routes read and write, and the parsing of their path and query. */
final class RequestApi {
  private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})([hdw])");

  private RequestApi() {}

  /** The requester's email and/or phone. */
  record IdentityBody(@OptionalField String email, @OptionalField String phone) {}

  /** An authorized agent acting for the person. */
  record AgentBody(@OptionalField String name, String email) {}

  /** What the privacy center sends. */
  record PublicRequestBody(
      String type,
      String residence,
      IdentityBody identity,
      @OptionalField String details,
      @OptionalField String language,
      @OptionalField String document,
      @OptionalField AgentBody agent) {}

  /** What staff and client accounts send; staff add how and when it really arrived. */
  record RequestBody(
      String type,
      String residence,
      IdentityBody identity,
      @OptionalField String details,
      @OptionalField String language,
      @OptionalField String document,
      @OptionalField AgentBody agent,
      @OptionalField String channel,
      @OptionalField Instant receivedAt,
      @OptionalField Boolean acknowledge) {}

  /** A business customer's request to remove copies of its content from the network. */
  record ContentRemovalBody(String email, String details, @OptionalField String language) {}

  /** The only thing intake answers. */
  record Reference(String reference) {}

  record CodeBody(String code) {}

  record DataPointsBody(
      String token,
      List<DataPoints.Point> dataPoints,
      @OptionalField DeclarationBody declaration) {}

  /** The declaration under penalty of perjury, signed by typing one's name. */
  record DeclarationBody(String signedName, boolean agreed) {}

  record VerifyBody(String method, @OptionalField Instant evidenceReceivedAt) {}

  record ReasonBody(String reason) {}

  record PauseBody(@OptionalField Instant askedAt) {}

  record ResumeBody(@OptionalField Instant answeredAt) {}

  record FeeBody(@OptionalField Instant receivedAt) {}

  record CompleteBody(String evidence, @OptionalField String message) {}

  record DenyBody(String reason, @OptionalField String exemption, @OptionalField String note) {}

  record NoteBody(@OptionalField String note) {}

  record AssignBody(UUID assignee) {}

  record ReviewBody(boolean approved, @OptionalField String reason) {}

  record RequestList(List<RequestSummary> requests) {}

  static UUID id(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no request " + raw);
    }
  }

  /** {@code 7d}, {@code 48h}, {@code 2w}. */
  static Duration period(String text) {
    Matcher matcher = PERIOD.matcher(text == null ? "" : text);
    if (!matcher.matches()) {
      throw new InvalidInputException(
          "due_within is a number of hours, days or weeks: 48h, 7d, 2w",
          List.of(new FieldProblem("due_within", "not a period")));
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> Duration.ofDays(7 * amount);
    };
  }

  static String declaration(DeclarationBody declaration) {
    if (declaration == null) {
      return null;
    }
    if (!declaration.agreed()) {
      throw new BadRequestException("the declaration must be agreed to be signed");
    }
    return declaration.signedName();
  }
}
