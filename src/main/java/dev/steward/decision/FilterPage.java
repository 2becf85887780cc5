package dev.steward.decision;

import dev.steward.console.ConsoleNav;
import dev.steward.error.InvalidInputException;
import dev.steward.error.StewardException;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.FormErrors;
import dev.steward.web.PageCall;
import dev.steward.web.PageLanguage;
import dev.steward.web.PageRoute;
import dev.steward.web.RouteRegistry;
import io.javalin.http.UploadedFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The console's page for filtering a mailing list: staff with {@code decision:read} pick the
 * system, purpose, categories and channel, upload a CSV or NDJSON list, and download the lines
 * whose person may be reached, as {@code POST /api/v1/decisions/filter} answers (the same {@link
 * DecisionFilter}, audited once per list). The upload comes as a form, so it is bounded by the
 * node's body limit; a larger list goes through the API, which streams. Thin: parse, call the
 * filter, answer the file or the form again with the refusal in the page's words.
 */
public final class FilterPage {
  static final String PATH = "/console/decisions/filter";
  private static final Access ACCESS = Access.requires(Permission.DECISION_READ);
  private static final Set<String> CHANNELS = Set.of("email", "phone", "post");

  private final DecisionFilter filter;
  private final PublishedPolicies policies;
  private final long maxUploadBytes;

  /**
   * @param maxUploadBytes the node's body limit, which bounds a list uploaded through the page
   */
  public FilterPage(DecisionFilter filter, PublishedPolicies policies, long maxUploadBytes) {
    this.filter = filter;
    this.policies = policies;
    this.maxUploadBytes = maxUploadBytes;
  }

  /** A choice of the form: its id, its name as the policy writes it, and the name's language. */
  public record Choice(String id, String name, String lang) {}

  /** What the form was sent with, to show it again. */
  public record Chosen(String system, String purpose, List<String> categories, String channel) {
    static final Chosen NONE = new Chosen("", "", List.of(), "email");
  }

  /** What the page shows. */
  public record View(
      ConsoleNav nav,
      List<Choice> systems,
      List<Choice> purposes,
      List<Choice> categories,
      Chosen chosen,
      long maxUploadMegabytes,
      FormErrors errors) {}

  public void addTo(RouteRegistry registry) {
    registry.addPage(PageRoute.get(PATH, ACCESS, page -> show(page, Chosen.NONE, 200, null)));
    registry.addPage(PageRoute.post(PATH, ACCESS, this::upload));
  }

  private void show(PageCall page, Chosen chosen, int status, FormErrors errors) {
    Policy policy = policies.current().policy();
    Policy local =
        page.language() == PageLanguage.EN ? policy : policy.localized(page.language().tag());
    page.render(
        status,
        "decision/filter.jte",
        new View(
            ConsoleNav.of(page.caller(), "decisions"),
            local.systems().stream().map(s -> choice(s.id(), s.name())).toList(),
            local.purposes().stream().map(p -> choice(p.id(), p.name())).toList(),
            local.allCategories().stream().map(c -> choice(c.id(), c.name())).toList(),
            chosen,
            Math.max(1, maxUploadBytes / (1024 * 1024)),
            errors == null ? FormErrors.none() : errors));
  }

  private void upload(PageCall page) {
    String channel = page.form("channel");
    Chosen chosen =
        new Chosen(page.form("system"), page.form("purpose"), page.formAll("categories"), channel);
    UploadedFile list = page.ctx().uploadedFile("list");
    if (list == null || list.size() == 0) {
      show(page, chosen, 422, FormErrors.of("list", page.text().get("decision.filter.error.list")));
      return;
    }
    DecisionFilter.Format format = format(list);
    if (format == null) {
      show(
          page,
          chosen,
          415,
          FormErrors.of("list", page.text().get("decision.filter.error.format")));
      return;
    }
    Path spool = null;
    try {
      DecisionQuery question =
          filter.check(
              chosen.system(),
              chosen.purpose(),
              chosen.categories(),
              channel.isEmpty() || !CHANNELS.contains(channel) ? null : channel,
              null);
      spool = Files.createTempFile("steward-filter-page-", ".part");
      DecisionFilter.Result result;
      try (InputStream in = list.content();
          OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16)) {
        result = filter.filter(page.caller(), question, format, list.size(), in, out);
      }
      var ctx = page.ctx();
      ctx.status(200);
      ctx.contentType(
          format == DecisionFilter.Format.CSV
              ? "text/csv; charset=utf-8"
              : "application/x-ndjson; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"" + allowedName(list) + "\"");
      ctx.header("Steward-Read", Long.toString(result.read()));
      ctx.header("Steward-Allowed", Long.toString(result.allowed()));
      ctx.header("Steward-Policy-Version", result.policyVersion());
      // Bounded by the upload, which the body limit bounds; the spool goes before the answer.
      ctx.result(Files.readAllBytes(spool));
    } catch (InvalidInputException refusal) {
      show(page, chosen, 422, errors(refusal, page));
    } catch (StewardException refusal) {
      if (!refusal.isCallerError()) {
        throw refusal;
      }
      String key =
          refusal.httpStatus() == 413 ? "decision.filter.error.tooLarge" : "web.error.check";
      show(page, chosen, refusal.httpStatus(), FormErrors.of("list", page.text().get(key)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (spool != null) {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException e) {
          spool.toFile().deleteOnExit();
        }
      }
    }
  }

  /** A line the filter could not read names its number; the question's fields name themselves. */
  private static FormErrors errors(InvalidInputException refusal, PageCall page) {
    for (InvalidInputException.FieldProblem problem : refusal.problems()) {
      String field = problem.field() == null ? "" : problem.field();
      if (field.startsWith("line ")) {
        String number = field.substring("line ".length());
        String message = page.text().get("decision.filter.error.line", number);
        return FormErrors.of(
            "list",
            page.language() == PageLanguage.EN
                ? message + " (" + problem.message() + ")"
                : message);
      }
    }
    return FormErrors.from(refusal, page.text(), "decision.filter");
  }

  /** The format by the file's name, else by the type the browser gave it; null when neither. */
  private static DecisionFilter.Format format(UploadedFile list) {
    String name = list.filename() == null ? "" : list.filename().toLowerCase(Locale.ROOT);
    String type = list.contentType() == null ? "" : list.contentType().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv") || type.startsWith("text/csv")) {
      return DecisionFilter.Format.CSV;
    }
    if (name.endsWith(".ndjson")
        || name.endsWith(".jsonl")
        || type.contains("ndjson")
        || type.contains("jsonl")) {
      return DecisionFilter.Format.NDJSON;
    }
    return null;
  }

  /** {@code allowed-<the upload's name>}, cut to safe characters for the header. */
  private static String allowedName(UploadedFile list) {
    String name = list.filename() == null ? "list" : list.filename();
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.length() > 100) {
      safe = safe.substring(safe.length() - 100);
    }
    return "allowed-" + safe;
  }

  private static Choice choice(String id, String name) {
    boolean chinese = name.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF);
    return new Choice(id, name, chinese ? "zh-CN" : "en");
  }
}
