package dev.steward.decision;

import dev.steward.error.StewardException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.RouteRegistry;
import io.javalin.http.Context;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/v1/decisions/filter?system=&purpose=&categories=[&channel=]}: a mailing list in
 * (CSV with a header line, or NDJSON, by Content-Type), its allowed lines out, unchanged and in
 * order, with the same Content-Type. The upload is read as a stream and the allowed lines are
 * spooled to a temporary file (owner-only, deleted when answered), so neither is ever held in
 * memory whole, and a list refused at its last line leaves no partial answer behind. Needs {@code
 * decision:read}, like {@code POST /api/v1/decisions}.
 */
public final class DecisionFilterRoutes {
  static final String PATH = "/api/v1/decisions/filter";

  private final DecisionFilter filter;

  public DecisionFilterRoutes(DecisionFilter filter) {
    this.filter = filter;
  }

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.post(PATH)
            .access(Access.requires(Permission.DECISION_READ))
            .streamsBody()
            .tag("decisions")
            .summary(
                "Filter a mailing list: CSV (a header line naming an email or phone column) or"
                    + " NDJSON ({\"email\": ...} or {\"phone\": ...} per line) in, the lines whose"
                    + " person may be reached for the purpose by the system now out, unchanged and"
                    + " in order. Query: system, purpose, categories (comma-separated), channel."
                    + " Headers Steward-Read, Steward-Allowed and Steward-Policy-Version give the"
                    + " counts and the policy version")
            .produces("text/csv")
            .handle(this::filter));
  }

  private void filter(Context ctx, Principal caller) throws IOException {
    DecisionFilter.Format format = format(ctx.contentType());
    String categories = ctx.queryParam("categories");
    DecisionQuery question =
        filter.check(
            ctx.queryParam("system"),
            ctx.queryParam("purpose"),
            categories == null
                ? List.of()
                : Arrays.stream(categories.split(",")).map(String::strip).toList(),
            ctx.queryParam("channel"),
            ctx.queryParam("topic"));
    long declared = ctx.req().getContentLengthLong();
    if (declared > filter.limits().maxBytes()) {
      throw filter.tooLarge();
    }
    Path spool = Files.createTempFile("steward-filter-", ".part");
    try {
      DecisionFilter.Result result;
      try (InputStream in = ctx.req().getInputStream();
          OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16)) {
        result = filter.filter(caller, question, format, declared, in, out);
      }
      ctx.status(200);
      ctx.contentType(
          format == DecisionFilter.Format.CSV
              ? "text/csv; charset=utf-8"
              : "application/x-ndjson; charset=utf-8");
      ctx.header("Steward-Read", Long.toString(result.read()));
      ctx.header("Steward-Allowed", Long.toString(result.allowed()));
      ctx.header("Steward-Policy-Version", result.policyVersion());
      ctx.res().setContentLengthLong(Files.size(spool));
      try (OutputStream body = ctx.res().getOutputStream()) {
        Files.copy(spool, body);
      }
    } finally {
      Files.deleteIfExists(spool);
    }
  }

  private static DecisionFilter.Format format(String contentType) {
    String type =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "text/csv" -> DecisionFilter.Format.CSV;
      case "application/x-ndjson", "application/ndjson", "application/jsonl" ->
          DecisionFilter.Format.NDJSON;
      default ->
          throw new StewardException(
              "unsupported-media-type",
              415,
              "send the list as text/csv (a header line, then one row per person) or as"
                  + " application/x-ndjson (one JSON object per line)");
    };
  }
}
