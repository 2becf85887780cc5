package dev.steward.opendsr;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.opendsr.OpenDsrWire.IdentityBody;
import dev.steward.opendsr.OpenDsrWire.SubmitBody;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a submission against the OpenDSR 2.0 rules and reports every problem at once, before
 * anything is stored. Identities are matched raw only: Steward's identity index is a keyed hash,
 * which cannot be derived from a controller's unkeyed SHA-1, MD5 or SHA-256.
 */
final class SubmissionCheck {
  static final Set<String> TYPES = Set.of("access", "portability", "erasure");
  static final Set<String> IDENTITY_TYPES = Set.of("email", "phone_number");
  private static final Set<String> FORMATS = Set.of("raw", "sha1", "md5", "sha256");
  private static final Pattern UUID_V4 =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  /** A submission that passed, with the person's raw identities. */
  record Checked(
      String regulation,
      String subjectRequestId,
      String type,
      String email,
      String phone,
      Instant submittedTime,
      List<String> callbackUrls) {}

  private SubmissionCheck() {}

  static Checked check(SubmitBody body, boolean allowLoopbackHttp) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!"gdpr".equals(body.regulation()) && !"ccpa".equals(body.regulation())) {
      problems.add(new FieldProblem("regulation", "gdpr or ccpa"));
    }
    if (body.subjectRequestId() == null || !UUID_V4.matcher(body.subjectRequestId()).matches()) {
      problems.add(new FieldProblem("subject_request_id", "a UUID version 4 in lower case"));
    }
    if (!TYPES.contains(body.subjectRequestType())) {
      problems.add(new FieldProblem("subject_request_type", "one of " + TYPES));
    }
    Instant submitted = null;
    try {
      submitted =
          OffsetDateTime.parse(
                  body.submittedTime() == null ? "" : body.submittedTime(),
                  DateTimeFormatter.ISO_OFFSET_DATE_TIME)
              .toInstant();
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem("submitted_time", "an RFC 3339 date-time with an offset"));
    }
    String email = null;
    String phone = null;
    List<IdentityBody> identities =
        body.subjectIdentities() == null ? List.of() : body.subjectIdentities();
    if (identities.isEmpty()) {
      problems.add(new FieldProblem("subject_identities", "at least one identity"));
    }
    for (int i = 0; i < identities.size(); i++) {
      IdentityBody identity = identities.get(i);
      String at = "subject_identities[" + i + "]";
      if (!FORMATS.contains(identity.identityFormat())) {
        problems.add(new FieldProblem(at + ".identity_format", "one of " + FORMATS));
      } else if (!"raw".equals(identity.identityFormat())) {
        problems.add(
            new FieldProblem(
                at + ".identity_format", "Steward matches raw identities only; see discovery"));
      }
      if (!IDENTITY_TYPES.contains(identity.identityType())) {
        problems.add(new FieldProblem(at + ".identity_type", "one of " + IDENTITY_TYPES));
      } else if (identity.identityValue() == null || identity.identityValue().isBlank()) {
        problems.add(new FieldProblem(at + ".identity_value", "required"));
      } else if (identity.identityType().equals("email")) {
        email = identity.identityValue();
      } else {
        phone = identity.identityValue();
      }
    }
    List<String> urls = body.statusCallbackUrls() == null ? List.of() : body.statusCallbackUrls();
    for (int i = 0; i < urls.size(); i++) {
      if (!callbackAllowed(urls.get(i), allowLoopbackHttp)) {
        problems.add(
            new FieldProblem("status_callback_urls[" + i + "]", "an absolute https:// URL"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the OpenDSR request cannot be accepted as given", problems);
    }
    return new Checked(
        body.regulation(),
        body.subjectRequestId(),
        body.subjectRequestType(),
        email,
        phone,
        submitted,
        List.copyOf(urls));
  }

  private static boolean callbackAllowed(String url, boolean allowLoopbackHttp) {
    try {
      URI uri = new URI(url == null ? "" : url);
      if (uri.getHost() == null || uri.getUserInfo() != null) {
        return false;
      }
      return "https".equals(uri.getScheme())
          || (allowLoopbackHttp
              && "http".equals(uri.getScheme())
              && "127.0.0.1".equals(uri.getHost()));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
