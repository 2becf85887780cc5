package dev.steward.vault;

import static dev.steward.vault.RouteInput.require;

import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.OptionalField;
import dev.steward.web.RouteRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** GDPR Art. 14 notices over HTTP: who must be told by when, and recording that they were. */
public final class NoticeRoutes {
  private final Art14Notices notices;
  private final Clock clock;

  public NoticeRoutes(Art14Notices notices, Clock clock) {
    this.notices = notices;
    this.clock = clock;
  }

  public record Art14List(String dueWithin, List<Art14Notice> notices) {}

  /** How and when the person was told; {@code notifiedAt} defaults to now. */
  public record Art14Done(
      Art14Notice.NoticeMethod method, @OptionalField java.time.Instant notifiedAt) {}

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.get("/api/v1/notices/art14")
            .access(Access.requires(Permission.SUBJECT_READ))
            .tag("notices")
            .summary(
                "People to tell that their data came from another source, due within"
                    + " ?due_within= (default 7d), overdue first")
            .response(Art14List.class)
            .handle(
                (ctx, caller) -> {
                  String within =
                      ctx.queryParamAsClass("due_within", String.class).getOrDefault("7d");
                  Duration duration = RouteInput.duration(within.strip(), "due_within");
                  ctx.json(
                      new Art14List(
                          within, notices.dueWithin(caller, duration, RouteInput.limit(ctx))));
                }));
    routes.add(
        ApiRoute.post("/api/v1/notices/art14/{id}/done")
            .access(Access.requires(Permission.SUBJECT_WRITE))
            .tag("notices")
            .summary("Record that the person was told, how and when")
            .request(Art14Done.class)
            .response(Art14Notice.class)
            .handle(
                (ctx, caller) -> {
                  Art14Done body = Json.read(ctx, Art14Done.class);
                  ctx.json(
                      notices.markNotified(
                          caller,
                          RouteInput.id(ctx, "id"),
                          require(body.method(), "method"),
                          body.notifiedAt() == null ? clock.instant() : body.notifiedAt()));
                }));
  }
}
