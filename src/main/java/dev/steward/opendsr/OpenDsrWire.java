package dev.steward.opendsr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.steward.web.OptionalField;
import java.util.List;
import java.util.Map;

/** The OpenDSR 2.0 bodies, in the standard's snake_case. */
final class OpenDsrWire {
  static final String API_VERSION = "2.0";

  private OpenDsrWire() {}

  /** {@code POST /opendsr/v1/requests}. Fields are checked by {@link SubmissionCheck}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record SubmitBody(
      String regulation,
      String subjectRequestId,
      String subjectRequestType,
      List<IdentityBody> subjectIdentities,
      String submittedTime,
      @OptionalField List<String> statusCallbackUrls,
      @OptionalField Map<String, Object> extensions,
      @OptionalField String apiVersion) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record IdentityBody(String identityType, String identityValue, String identityFormat) {}

  /** The 201 answer; {@code encoded_request} is the body as received, base64, never stored. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Created(
      String controllerId,
      String expectedCompletionTime,
      String receivedTime,
      String encodedRequest,
      String subjectRequestId) {}

  /** A request's status, answered by GET and sent to the status callback URLs. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Status(
      String controllerId,
      String expectedCompletionTime,
      String subjectRequestId,
      String requestStatus,
      String apiVersion,
      String resultsUrl) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Discovery(
      String apiVersion,
      List<SupportedIdentity> supportedIdentities,
      List<String> supportedSubjectRequestTypes,
      String processorCertificate) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record SupportedIdentity(String identityType, String identityFormat) {}
}
