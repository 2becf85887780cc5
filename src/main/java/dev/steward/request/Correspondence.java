package dev.steward.request;

import dev.steward.policy.Jurisdiction;
import dev.steward.policy.Jurisdiction.Authority;
import dev.steward.policy.Policy;
import dev.steward.request.Letters.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Writes the letters of a request and puts them in the outbox with the caller's handle, so a letter
 * is sent exactly when the change that causes it commits. A request without an email address gets
 * no letters; staff answer it by the channel it came through.
 */
final class Correspondence {
  private final RequestContext context;
  private final Workflow workflow;

  Correspondence(RequestContext context, Workflow workflow) {
    this.context = context;
    this.workflow = workflow;
  }

  /** Enqueues the letter; false when the request has no address to send it to. */
  boolean send(Handle handle, RequestRow row, Kind kind, Map<String, String> extra) {
    java.util.Optional<dev.steward.mail.OutgoingMail> letter = compose(handle, row, kind, extra);
    letter.ifPresent(mail -> context.outbox.enqueue(handle, mail));
    return letter.isPresent();
  }

  /** The letter {@link #send} would enqueue, for staff to read first; empty without an address. */
  java.util.Optional<dev.steward.mail.OutgoingMail> compose(
      Handle handle, RequestRow row, Kind kind, Map<String, String> extra) {
    Contact contact = workflow.contact(row);
    String to = kind == Kind.CODE ? contact.email() : contact.letterAddress();
    if (to == null) {
      return java.util.Optional.empty();
    }
    Language language = row.language();
    Map<String, String> values = new HashMap<>(extra);
    values.putIfAbsent("reference", row.reference());
    values.put("type", typeName(row, language));
    values.put("receivedDate", language.date(row.receivedAt().atZone(zoneOf(row)).toLocalDate()));
    values.put(
        "dueDate",
        row.progress().dueDate() == null
            ? name(language, "due.paused")
            : language.date(row.progress().dueDate()));
    values.put("authorities", authorities(handle, row, language));
    values.putIfAbsent("note", "");
    // Every link of a letter is absolute and leads to a page of the privacy center.
    values.put(
        "verifyLink",
        context.publicUrl.link(
            "/verify?reference="
                + java.net.URLEncoder.encode(
                    row.reference(), java.nio.charset.StandardCharsets.UTF_8)));
    values.put("statusLink", context.publicUrl.link("/status"));
    // The letter asking for proof leads to the page that takes it: data points for the CCPA's
    // checks (11 CCR §7060-7062), documents otherwise.
    boolean dataPoints =
        row.progress().needed().contains(VerificationStep.TWO_DATA_POINTS)
            || row.progress().needed().contains(VerificationStep.THREE_DATA_POINTS);
    values.put(
        "proofLink",
        context.publicUrl.link(
            (dataPoints ? "/verify/data-points?reference=" : "/verify/documents?reference=")
                + java.net.URLEncoder.encode(
                    row.reference(), java.nio.charset.StandardCharsets.UTF_8)));
    return java.util.Optional.of(context.letters.render(kind, language, to, row.id(), values));
  }

  String name(Language language, String key) {
    return context.letters.name(language, key);
  }

  private String typeName(RequestRow row, Language language) {
    return name(language, "type." + TypeNames.id(row.type()));
  }

  private java.time.ZoneId zoneOf(RequestRow row) {
    Policy policy = context.policies.current().policy();
    return row.progress().governing() == null
        ? java.time.ZoneOffset.UTC
        : policy
            .jurisdiction(row.progress().governing())
            .map(Jurisdiction::zone)
            .orElse(java.time.ZoneOffset.UTC);
  }

  /** The complaint authorities the policy names for the request's jurisdictions. */
  private String authorities(Handle handle, RequestRow row, Language language) {
    // The authorities' names as the policy translates them into the letter's language.
    Policy policy = context.policies.current().policy().localized(language.tag());
    List<String> named =
        CaseRows.clocks(handle, row.id()).stream()
            .map(ClockRow::jurisdictionId)
            .flatMap(id -> policy.jurisdiction(id).stream())
            .flatMap(j -> j.complaintAuthorities().stream())
            .map(Correspondence::describe)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    return named.isEmpty()
        ? name(language, "authorities.default")
        : String.join(name(language, "authorities.join"), named);
  }

  private static String describe(Authority authority) {
    if (authority.name().equals(Policy.UNSTATED)) {
      return null;
    }
    return authority
        .url()
        .filter(url -> !url.equals(Policy.UNSTATED))
        .map(url -> authority.name() + " (" + url + ")")
        .orElse(authority.name());
  }

  /** The verification steps, in the requester's language, joined as sentences. */
  String steps(RequestRow row, String prefix) {
    return row.progress().needed().stream()
        .sorted()
        .map(step -> name(row.language(), prefix + step.id()))
        .collect(Collectors.joining(" "));
  }
}
