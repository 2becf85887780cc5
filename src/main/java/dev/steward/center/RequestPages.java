package dev.steward.center;

import dev.steward.error.InvalidInputException;
import dev.steward.request.CenterIntake;
import dev.steward.request.UnableToVerifyException;
import dev.steward.web.Access;
import dev.steward.web.FormErrors;
import dev.steward.web.PageCall;
import dev.steward.web.PageLanguage;
import dev.steward.web.PageRoute;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Making a request and confirming it with the emailed code: the person picks what they want and
 * where they live, answers only what that request needs, gets the reference, then enters the code.
 * Each step is a plain form that posts and redirects.
 */
public final class RequestPages {
  private static final Access POST = Access.open(PublicKind.INTAKE);

  /** Where people may say they live, as the intake's residence codes; ZZ is anywhere else. */
  static final List<String> RESIDENCES =
      List.of(
          "GB", "IE", "FR", "DE", "ES", "IT", "NL", "PL", "SE", "US-CA", "US", "CN", "HK", "ZZ");

  private final CenterIntake intake;

  RequestPages(CenterIntake intake) {
    this.intake = intake;
  }

  void addTo(RouteRegistry registry) {
    registry.addPage(
        PageRoute.get(
            "/request",
            CenterPages.PAGE,
            page ->
                page.render(
                    "center/request-start.jte",
                    new StartForm(
                        page.query("wish"), page.query("residence"), FormErrors.none()))));
    registry.addPage(PageRoute.get("/request/details", CenterPages.PAGE, this::details));
    registry.addPage(PageRoute.post("/request", POST, this::submit));
    registry.addPage(
        PageRoute.get(
            "/request/sent",
            CenterPages.PAGE,
            page -> page.render("center/request-sent.jte", new Sent(page.query("reference")))));
    registry.addPage(
        PageRoute.get(
            "/verify",
            CenterPages.PAGE,
            page ->
                page.render(
                    "center/verify.jte",
                    new CodeForm(
                        page.query("reference"),
                        !page.query("resent").isEmpty(),
                        FormErrors.none()))));
    registry.addPage(PageRoute.post("/verify", POST, this::confirm));
    registry.addPage(
        PageRoute.post(
            "/verify/resend",
            POST,
            page -> {
              intake.resendCode(page.form("reference"));
              page.redirect("/verify?resent=1&reference=" + encode(page.form("reference")));
            }));
    registry.addPage(
        PageRoute.get(
            "/verify/documents",
            CenterPages.PAGE,
            page ->
                page.render(
                    "center/documents.jte",
                    new UploadForm(
                        page.query("reference"),
                        page.query("kind"),
                        !page.query("uploaded").isEmpty(),
                        FormErrors.none()))));
    registry.addPage(PageRoute.post("/verify/documents", POST, this::upload));
    registry.addPage(
        PageRoute.get(
            "/verify/data-points",
            CenterPages.PAGE,
            page ->
                page.render(
                    "center/data-points.jte",
                    new DataPointsForm(
                        page.query("reference"),
                        !page.query("sent").isEmpty(),
                        java.util.Map.of(),
                        FormErrors.none()))));
    registry.addPage(PageRoute.post("/verify/data-points", POST, this::dataPoints));
    registry.addPage(
        PageRoute.get(
            "/verify/done",
            CenterPages.PAGE,
            page -> page.render("center/verify-done.jte", new Sent(page.query("reference")))));
  }

  private void details(PageCall page) {
    String wish = page.query("wish");
    String residence = page.query("residence");
    try {
      CenterIntake.Questions questions = intake.questions(wish, residence);
      page.render("center/request-details.jte", DetailsForm.empty(questions));
    } catch (InvalidInputException e) {
      page.render(
          400,
          "center/request-start.jte",
          new StartForm(wish, residence, FormErrors.from(e, page.text(), "center.request")));
    }
  }

  private void submit(PageCall page) {
    CenterIntake.Form form =
        new CenterIntake.Form(
            page.form("wish"),
            page.form("residence"),
            page.form("email"),
            page.form("phone"),
            page.form("details"),
            page.language() == PageLanguage.ZH_CN ? "zh-CN" : "en",
            page.form("document"),
            page.form("agentName"),
            page.form("agentEmail"),
            page.form("childName"),
            page.form("childAccount"));
    try {
      String reference = intake.submit(form);
      page.redirect("/request/sent?reference=" + encode(reference));
    } catch (InvalidInputException e) {
      CenterIntake.Questions questions;
      try {
        questions = intake.questions(form.wish(), form.residence());
      } catch (InvalidInputException startOver) {
        page.render(
            400,
            "center/request-start.jte",
            new StartForm(
                form.wish(),
                form.residence(),
                FormErrors.from(startOver, page.text(), "center.request")));
        return;
      }
      page.render(
          400,
          "center/request-details.jte",
          new DetailsForm(questions, form, FormErrors.from(e, page.text(), "center.request")));
    }
  }

  private void confirm(PageCall page) {
    String reference = page.form("reference");
    try {
      intake.confirmCode(reference, page.form("code"));
      page.redirect(
          "/verify/done?reference=" + encode(reference.toUpperCase(java.util.Locale.ROOT)));
    } catch (UnableToVerifyException e) {
      page.render(
          422,
          "center/verify.jte",
          new CodeForm(
              reference, false, FormErrors.of("code", page.text().get("center.verify.wrong"))));
    } catch (InvalidInputException e) {
      page.render(
          400,
          "center/verify.jte",
          new CodeForm(reference, false, FormErrors.from(e, page.text(), "center.verify")));
    }
  }

  private void upload(PageCall page) throws java.io.IOException {
    String reference = page.form("reference");
    String kind = page.form("kind");
    io.javalin.http.UploadedFile file = page.ctx().uploadedFile("file");
    if (file == null || file.size() == 0) {
      page.render(
          400,
          "center/documents.jte",
          new UploadForm(
              reference,
              kind,
              false,
              FormErrors.of("file", page.text().get("center.documents.error.file"))));
      return;
    }
    if (file.size() > CenterIntake.MAX_DOCUMENT_BYTES) {
      page.render(
          413,
          "center/documents.jte",
          new UploadForm(
              reference,
              kind,
              false,
              FormErrors.of("file", page.text().get("center.documents.error.tooLarge"))));
      return;
    }
    byte[] bytes;
    try (java.io.InputStream in = file.content()) {
      bytes = in.readNBytes(CenterIntake.MAX_DOCUMENT_BYTES + 1);
    }
    try {
      intake.upload(reference, page.form("token"), kind, file.contentType(), bytes);
      page.redirect(
          "/verify/documents?uploaded=1&reference="
              + encode(reference.toUpperCase(java.util.Locale.ROOT)));
    } catch (UnableToVerifyException e) {
      page.render(
          422,
          "center/documents.jte",
          new UploadForm(
              reference,
              kind,
              false,
              FormErrors.of("token", page.text().get("center.documents.error.token"))));
    } catch (InvalidInputException e) {
      page.render(
          400,
          "center/documents.jte",
          new UploadForm(
              reference, kind, false, FormErrors.from(e, page.text(), "center.documents")));
    }
  }

  private void dataPoints(PageCall page) {
    String reference = page.form("reference");
    java.util.Map<String, String> points = new java.util.LinkedHashMap<>();
    for (String type : CenterIntake.DATA_POINTS) {
      points.put(type, page.form(type));
    }
    try {
      intake.submitDataPoints(
          reference,
          page.form("token"),
          points,
          "yes".equals(page.form("agreed")),
          page.form("signedName"));
      page.redirect(
          "/verify/data-points?sent=1&reference="
              + encode(reference.toUpperCase(java.util.Locale.ROOT)));
    } catch (UnableToVerifyException e) {
      page.render(
          422,
          "center/data-points.jte",
          new DataPointsForm(
              reference,
              false,
              points,
              FormErrors.of("token", page.text().get("center.documents.error.token"))));
    } catch (dev.steward.error.BadRequestException e) {
      page.render(
          400,
          "center/data-points.jte",
          new DataPointsForm(
              reference,
              false,
              points,
              FormErrors.of("agreed", page.text().get("center.points.error.agreed"))));
    } catch (InvalidInputException e) {
      page.render(
          400,
          "center/data-points.jte",
          new DataPointsForm(
              reference, false, points, FormErrors.from(e, page.text(), "center.points")));
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Step one: what and where. */
  public record StartForm(String wish, String residence, FormErrors errors) {
    public List<String> wishes() {
      return Arrays.stream(CenterIntake.Wish.values()).map(CenterIntake.Wish::id).toList();
    }

    public List<String> residences() {
      return RESIDENCES;
    }
  }

  /** Step two: what this request needs, with what was typed. */
  public record DetailsForm(
      CenterIntake.Questions questions, CenterIntake.Form typed, FormErrors errors) {
    static DetailsForm empty(CenterIntake.Questions questions) {
      return new DetailsForm(
          questions,
          new CenterIntake.Form(
              questions.wish().id(), questions.residence(), "", "", "", "", "", "", "", "", ""),
          FormErrors.none());
    }

    public String value(String field) {
      String value =
          switch (field) {
            case "email" -> typed.email();
            case "phone" -> typed.phone();
            case "details" -> typed.details();
            case "document" -> typed.document();
            case "agentName" -> typed.agentName();
            case "agentEmail" -> typed.agentEmail();
            case "childName" -> typed.childName();
            case "childAccount" -> typed.childAccount();
            default -> "";
          };
      return value == null ? "" : value;
    }
  }

  /** The reference, shown once the request is in. */
  public record Sent(String reference) {}

  /** The upload form; {@code uploaded} after a proof was taken. */
  public record UploadForm(String reference, String kind, boolean uploaded, FormErrors errors) {
    public List<String> kinds() {
      return CenterIntake.documentKinds();
    }
  }

  /** The CCPA data points form, with what was typed; {@code sent} once taken. */
  public record DataPointsForm(
      String reference, boolean sent, java.util.Map<String, String> typed, FormErrors errors) {
    public List<String> points() {
      return CenterIntake.DATA_POINTS;
    }

    public String value(String point) {
      return typed.getOrDefault(point, "");
    }
  }

  /** The code form. */
  public record CodeForm(String reference, boolean resent, FormErrors errors) {}
}
