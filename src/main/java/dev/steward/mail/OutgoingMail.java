package dev.steward.mail;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One letter to send: the content, which is personal data and is stored only sealed, and the
 * metadata kept after delivery ({@code kind}, the related object). Refused with every problem at
 * once; problem messages never repeat the values, which may be personal.
 *
 * @param kind what the letter is, e.g. {@code letter.acknowledgement}; lower case, dots, dashes
 * @param to the recipient's address
 * @param subject UTF-8, one line
 * @param textBody the plain-text body, always present
 * @param htmlBody an HTML alternative, or null; sent as multipart/alternative
 * @param headers extra headers in order, e.g. {@code List-Unsubscribe}; not the ones the outbox
 *     sets
 * @param attachments small files, at most {@link #MAX_ATTACHMENT_BYTES} together
 * @param relatedType type of the object the letter is about, e.g. {@code request}, or null
 * @param relatedId that object's id, or null
 */
public record OutgoingMail(
    String kind,
    String to,
    String subject,
    String textBody,
    String htmlBody,
    Map<String, String> headers,
    List<Attachment> attachments,
    String relatedType,
    String relatedId) {

  public static final int MAX_ATTACHMENT_BYTES = 1_048_576;
  private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,75}");
  private static final Set<String> OWN_HEADERS =
      Set.of("message-id", "from", "to", "cc", "bcc", "subject", "date", "mime-version");

  /** A file sent with the letter; {@code contentType} such as {@code application/pdf}. */
  public record Attachment(String filename, String contentType, byte[] content) {}

  public OutgoingMail {
    headers =
        Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
    attachments = List.copyOf(attachments == null ? List.of() : attachments);
    List<FieldProblem> problems = new ArrayList<>();
    if (kind == null || !KIND.matcher(kind).matches()) {
      problems.add(new FieldProblem("kind", "must be lower-case words joined by dots or dashes"));
    }
    if (!isAddress(to)) {
      problems.add(new FieldProblem("to", "is not a valid email address"));
    }
    if (subject == null || subject.isBlank() || hasLineBreak(subject)) {
      problems.add(new FieldProblem("subject", "must be one non-empty line"));
    }
    if (textBody == null) {
      problems.add(new FieldProblem("textBody", "is required"));
    }
    headers.forEach((name, value) -> checkHeader(name, value, problems));
    checkAttachments(attachments, problems);
    if ((relatedType == null) != (relatedId == null)
        || (relatedType != null && (relatedType.length() > 64 || relatedId.length() > 128))) {
      problems.add(
          new FieldProblem("related", "type (≤ 64) and id (≤ 128) must be given together"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the letter cannot be sent as given", problems);
    }
  }

  /** A plain-text letter with no extra headers, attachments or related object. */
  public static OutgoingMail text(String kind, String to, String subject, String textBody) {
    return new OutgoingMail(kind, to, subject, textBody, null, Map.of(), List.of(), null, null);
  }

  public OutgoingMail withHtml(String html) {
    return new OutgoingMail(
        kind, to, subject, textBody, html, headers, attachments, relatedType, relatedId);
  }

  public OutgoingMail withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new OutgoingMail(
        kind, to, subject, textBody, htmlBody, more, attachments, relatedType, relatedId);
  }

  public OutgoingMail withAttachment(Attachment attachment) {
    List<Attachment> more = new ArrayList<>(attachments);
    more.add(attachment);
    return new OutgoingMail(
        kind, to, subject, textBody, htmlBody, headers, more, relatedType, relatedId);
  }

  public OutgoingMail relatedTo(String type, String id) {
    return new OutgoingMail(kind, to, subject, textBody, htmlBody, headers, attachments, type, id);
  }

  private static boolean isAddress(String value) {
    if (value == null) {
      return false;
    }
    try {
      new InternetAddress(value, true);
      return true;
    } catch (AddressException e) {
      return false;
    }
  }

  private static void checkHeader(String name, String value, List<FieldProblem> problems) {
    if (name == null || !HEADER_NAME.matcher(name).matches()) {
      problems.add(new FieldProblem("headers", "a header name is not a valid field name"));
    } else if (OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))
        || name.toLowerCase(Locale.ROOT).startsWith("content-")) {
      problems.add(new FieldProblem("headers/" + name, "is set by the outbox itself"));
    } else if (value == null || hasLineBreak(value) || value.length() > 900) {
      problems.add(new FieldProblem("headers/" + name, "must be one line of at most 900 chars"));
    }
  }

  private static void checkAttachments(List<Attachment> attachments, List<FieldProblem> problems) {
    long total = 0;
    for (Attachment attachment : attachments) {
      if (attachment.filename() == null
          || attachment.filename().isBlank()
          || hasLineBreak(attachment.filename())
          || attachment.contentType() == null
          || !attachment.contentType().matches("[\\w.+-]+/[\\w.+-]+")
          || attachment.content() == null) {
        problems.add(new FieldProblem("attachments", "each needs a filename, type and content"));
        return;
      }
      total += attachment.content().length;
    }
    if (total > MAX_ATTACHMENT_BYTES) {
      problems.add(new FieldProblem("attachments", "together exceed " + MAX_ATTACHMENT_BYTES));
    }
  }

  private static boolean hasLineBreak(String value) {
    return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
  }

  /** Never shows the recipient or the content. */
  @Override
  public String toString() {
    return "OutgoingMail[kind=" + kind + ", related=" + relatedType + ":" + relatedId + "]";
  }
}
