package dev.steward.vault;

import static dev.steward.vault.RouteInput.require;

import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.RouteRegistry;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A subject's records over HTTP: read the values for a stated purpose (required, audited), and
 * rectify one with a reason. The old value of a rectified record is not kept.
 */
public final class RecordRoutes {
  private final Vault vault;

  public RecordRoutes(Vault vault) {
    this.vault = vault;
  }

  /** A record with its decrypted value and provenance. */
  public record RecordView(
      UUID id,
      String category,
      String source,
      String system,
      List<String> purposes,
      String legalBasis,
      Instant collectedAt,
      String noticeVersion,
      String value,
      Instant rectifiedAt) {
    @Override
    public String toString() {
      return "RecordView[" + id + ", " + category + ", value hidden]";
    }
  }

  public record Records(UUID subjectId, String purpose, List<RecordView> records) {}

  /** The new value and why it replaces the old one. */
  public record RectifyBody(String value, String reason) {
    @Override
    public String toString() {
      return "RectifyBody[value hidden]";
    }
  }

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.get("/api/v1/subjects/{id}/records")
            .access(Access.requires(Permission.SUBJECT_READ))
            .tag("subjects")
            .summary("The subject's records with values (?purpose= is required and audited)")
            .response(Records.class)
            .handle(
                (ctx, caller) -> {
                  UUID id = RouteInput.id(ctx, "id");
                  String purpose = RouteInput.requiredQuery(ctx, "purpose");
                  List<RecordValue> values = vault.readRecords(caller, id, purpose);
                  UUID subject = values.isEmpty() ? id : values.get(0).subjectId();
                  ctx.json(
                      new Records(
                          subject, purpose, values.stream().map(RecordRoutes::view).toList()));
                }));
    routes.add(
        ApiRoute.patch("/api/v1/subjects/{id}/records/{recordId}")
            .access(Access.requires(Permission.SUBJECT_WRITE))
            .tag("subjects")
            .summary("Rectify a record: replace its value, recording who and why")
            .request(RectifyBody.class)
            .status(204)
            .handle(
                (ctx, caller) -> {
                  RectifyBody body = Json.read(ctx, RectifyBody.class);
                  vault.rectify(
                      caller,
                      RouteInput.id(ctx, "id"),
                      RouteInput.id(ctx, "recordId"),
                      require(body.value(), "value"),
                      require(body.reason(), "reason"));
                  ctx.status(204);
                }));
  }

  private static RecordView view(RecordValue record) {
    Provenance p = record.provenance();
    return new RecordView(
        record.id(),
        record.category(),
        p.source(),
        p.system(),
        List.copyOf(new TreeSet<>(p.purposes())),
        p.legalBasis(),
        p.collectedAt(),
        p.noticeVersion(),
        record.value(),
        record.rectifiedAt());
  }
}
