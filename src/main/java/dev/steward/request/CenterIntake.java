package dev.steward.request;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.policy.Channel;
import dev.steward.policy.OfferedDocument;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.RequestType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The privacy center's way in: a person says in plain words what they want and where they live, and
 * intake's own rules ({@link Applicable}, {@link CheckedSubmission}) decide which request type that
 * is under the governing law and what the form must ask; submitting and confirming go through the
 * same methods as the JSON API. Thread-safe.
 */
public final class CenterIntake {
  /** What a person may ask for, in their words. */
  public enum Wish {
    SEE(RequestType.ACCESS, RequestType.KNOW),
    CORRECT(RequestType.RECTIFICATION, RequestType.CORRECT),
    DELETE(RequestType.ERASURE, RequestType.DELETE),
    MOVE(RequestType.PORTABILITY),
    // GDPR Art. 21(2)-(3): objecting to direct marketing is absolute; elsewhere the company's
    // promise to stop on request is an objection too.
    STOP_MARKETING(RequestType.OBJECTION, RequestType.OPT_OUT_SALE_SHARING),
    OBJECT(RequestType.OBJECTION),
    RESTRICT(RequestType.RESTRICTION),
    WITHDRAW_CONSENT(RequestType.WITHDRAW_CONSENT, RequestType.WITHDRAW_TRANSFER_CONSENT),
    DO_NOT_SELL(RequestType.OPT_OUT_SALE_SHARING),
    LIMIT_SENSITIVE(RequestType.LIMIT_SENSITIVE),
    // COPPA 16 CFR 312.6(a)(2): a parent may have the child's information deleted.
    CHILD(RequestType.PARENTAL_DELETION),
    DOCUMENT(RequestType.DOCUMENT);

    private final List<RequestType> types;

    Wish(RequestType... types) {
      this.types = List.of(types);
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Wish parse(String text) {
      for (Wish wish : values()) {
        if (wish.id().equals(text)) {
          return wish;
        }
      }
      throw new InvalidInputException(
          "choose what you want to ask for", List.of(new FieldProblem("wish", "not a choice")));
    }
  }

  /**
   * What the form asks for a wish from a residence.
   *
   * @param type the request type the governing law grants, as the API writes it
   * @param agentAllowed an authorised agent may make it (CCPA § 1798.135(c), Cal. Code Regs. tit.
   *     11 § 7063)
   * @param child the request is a parent's about a child, whose details are asked for
   * @param documents the documents the policy offers, for a document request
   */
  public record Questions(
      Wish wish,
      String residence,
      String type,
      boolean agentAllowed,
      boolean child,
      List<Choice> documents) {}

  /** A document the policy offers: its id and name. */
  public record Choice(String id, String name) {}

  /**
   * A filled-in form. Holds personal data; {@link #toString()} shows none.
   *
   * @param language the language letters are written in: {@code en} or {@code zh-CN}
   */
  public record Form(
      String wish,
      String residence,
      String email,
      String phone,
      String details,
      String language,
      String document,
      String agentName,
      String agentEmail,
      String childName,
      String childAccount) {
    @Override
    public String toString() {
      return "Form[wish=" + wish + ", residence=" + residence + "]";
    }
  }

  private final Requests requests;
  private final PublishedPolicies policies;

  public CenterIntake(Requests requests, PublishedPolicies policies) {
    this.requests = requests;
    this.policies = policies;
  }

  /**
   * What to ask a person who wants {@code wish} and lives in {@code residence}.
   *
   * @throws InvalidInputException on {@code wish} or {@code residence} when no law or promise of
   *     the policy grants it there
   */
  public Questions questions(String wish, String residence) {
    Policy policy = policies.current().policy();
    Wish chosen;
    Residence where;
    List<FieldProblem> problems = new ArrayList<>();
    try {
      chosen = Wish.parse(wish);
    } catch (InvalidInputException e) {
      chosen = null;
      problems.addAll(e.problems());
    }
    try {
      where = Residence.parse(residence);
    } catch (InvalidInputException e) {
      where = null;
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the request cannot be made as given", problems);
    }
    for (RequestType type : chosen.types) {
      Applicable applicable;
      try {
        applicable = Applicable.of(policy, where, type);
      } catch (InvalidInputException notGranted) {
        continue;
      }
      List<Choice> documents =
          type == RequestType.DOCUMENT
              ? policy.documents().stream()
                  .map((OfferedDocument d) -> new Choice(d.id(), d.name()))
                  .toList()
              : List.of();
      return new Questions(
          chosen,
          where.code(),
          TypeNames.id(type),
          applicable.allowsAgents(),
          type == RequestType.PARENTAL_DELETION,
          documents);
    }
    throw new InvalidInputException(
        "the policy grants no such request to people living in " + where.code(),
        List.of(new FieldProblem("wish", "not a right where you live")));
  }

  /**
   * Submits the form as a privacy-center request: checked and stored by intake exactly as {@code
   * POST /api/v1/public/requests}; nothing is stored when it is refused.
   *
   * @return the reference
   */
  public String submit(Form form) {
    Questions questions = questions(form.wish(), form.residence());
    String details = blankToNull(form.details());
    if (questions.child()) {
      List<FieldProblem> problems = new ArrayList<>();
      if (blankToNull(form.childName()) == null) {
        problems.add(new FieldProblem("childName", "give the child's name"));
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException("the child's details are needed", problems);
      }
      details =
          "Child: "
              + form.childName().strip()
              + (blankToNull(form.childAccount()) == null
                  ? ""
                  : "; account or user name: " + form.childAccount().strip())
              + (details == null ? "" : "\n" + details);
    }
    if (questions.wish() == Wish.STOP_MARKETING) {
      details = "Stop direct marketing." + (details == null ? "" : "\n" + details);
    }
    boolean agent = questions.agentAllowed() && blankToNull(form.agentEmail()) != null;
    Submission submission =
        new Submission(
            questions.type(),
            questions.residence(),
            blankToNull(form.email()),
            blankToNull(form.phone()),
            details,
            blankToNull(form.language()),
            questions.documents().isEmpty() ? null : blankToNull(form.document()),
            agent ? blankToNull(form.agentName()) : null,
            agent ? blankToNull(form.agentEmail()) : null,
            Channel.WEB_FORM,
            null,
            true,
            null);
    return requests.submit(Verifications.REQUESTER, submission);
  }

  /** Confirms a request with the emailed code, as {@code POST .../code}. */
  public void confirmCode(String reference, String code) {
    requests.confirmCode(reference.strip().toUpperCase(Locale.ROOT), code.strip());
  }

  /** Sends a new code; the same for any reference, as {@code POST .../code/resend}. */
  public void resendCode(String reference) {
    requests.resendCode(reference.strip().toUpperCase(Locale.ROOT));
  }

  /** The largest proof a person may upload. */
  public static final int MAX_DOCUMENT_BYTES = Documents.MAX_BYTES;

  /** The kinds of proof a person may upload, as the API writes them. */
  public static List<String> documentKinds() {
    return java.util.Arrays.stream(DocumentKind.values()).map(DocumentKind::id).toList();
  }

  /**
   * Stores an uploaded proof for review, as {@code POST .../documents}: never by email, sealed
   * under the request's key.
   */
  public void upload(
      String reference, String token, String kind, String contentType, byte[] bytes) {
    requests.upload(
        reference.strip().toUpperCase(Locale.ROOT), token.strip(), kind, contentType, bytes);
  }

  /** The data points a person may give for CCPA verification, as the API names them. */
  public static final List<String> DATA_POINTS =
      List.of("name", "postal_address", "phone", "email", "customer_account");

  /**
   * CCPA verification (11 CCR §7060–7062), as {@code POST .../data-points}: the points given (blank
   * ones left out) and, where the request needs it, the declaration signed with a name.
   *
   * @param points by the names of {@link #DATA_POINTS}
   * @param agreed the person ticked the declaration
   * @param signedName the name the declaration is signed with; blank when not signing
   */
  public void submitDataPoints(
      String reference,
      String token,
      java.util.Map<String, String> points,
      boolean agreed,
      String signedName) {
    List<DataPoints.Point> given = new ArrayList<>();
    for (String type : DATA_POINTS) {
      String value = blankToNull(points.get(type));
      if (value != null) {
        given.add(new DataPoints.Point(type, value));
      }
    }
    String declaration =
        agreed || blankToNull(signedName) != null
            ? RequestApi.declaration(
                new RequestApi.DeclarationBody(blankToNull(signedName), agreed))
            : null;
    requests.submitDataPoints(
        reference.strip().toUpperCase(Locale.ROOT), token.strip(), given, declaration);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
