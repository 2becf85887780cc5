package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.TestNodes;
import dev.steward.config.StewardConfig;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code steward requests due} reads the queue from the store, without keys. */
class RequestsCommandTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void due_listsOpenRequestsWithinThePeriodOnly() {
    StewardConfig config = TestNodes.config(Engine.H2, TestNodes.http());
    String reference;
    try (TestNodes.Running node = TestNodes.start(config)) {
      HttpResponse<String> filed =
          node.send(
              HttpRequest.newBuilder(node.uri("/api/v1/public/requests"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          // An opt-out completes by itself; an access request waits.
                          "{\"type\":\"access\",\"residence\":\"GB\","
                              + "\"identity\":{\"email\":\"cli@example.com\"}}")));
      assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
      reference = filed.body().replaceAll(".*\"(R-[A-Z0-9-]+)\".*", "$1");
    }
    StoreOpener store = () -> Database.open(config.store());

    String withinFiveWeeks = run(store, "due", "--within", "5w");
    String withinADay = run(store, "due", "--within", "24h");
    String overdue = run(store, "due", "--overdue");

    assertThat(withinFiveWeeks)
        .contains(reference, "access", "awaiting_verification", "uk_gdpr", "1 due within 5w");
    assertThat(withinADay).doesNotContain(reference).contains("0 due within 24h");
    assertThat(overdue).contains("0 overdue");
  }

  @Test
  void due_pausedUkRequest_showsTheStoppedClockAndTheDaysLeftWhenResumed() {
    StewardConfig config = TestNodes.config(Engine.H2, TestNodes.http());
    String reference;
    LocalDate received;
    try (TestNodes.Running node = TestNodes.start(config)) {
      String token = node.adminToken("request:submit", "request:read", "request:work");
      received = LocalDate.now(LONDON);
      HttpResponse<String> logged =
          node.json(
              "POST",
              "/api/v1/requests",
              token,
              "{\"type\":\"access\",\"residence\":\"GB\",\"channel\":\"email\","
                  + "\"identity\":{\"email\":\"pause@example.co.uk\"}}");
      assertThat(logged.statusCode()).as(logged.body()).isEqualTo(202);
      reference = logged.body().replaceAll(".*\"(R-[A-Z0-9-]+)\".*", "$1");
      HttpResponse<String> open = node.get("/api/v1/requests", token);
      String id =
          open.body()
              .replaceAll(".*\"id\":\"([0-9a-f-]{36})\",\"reference\":\"" + reference + ".*", "$1");
      HttpResponse<String> paused =
          node.json("POST", "/api/v1/requests/" + id + "/pause", token, "{}");
      assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    }
    StoreOpener store = () -> Database.open(config.store());

    String withinFiveWeeks = run(store, "due", "--within", "5w");
    String withinADay = run(store, "due", "--within", "24h");

    // Asked on the day of receipt: no day was counted yet, so the whole month is left.
    long left = ChronoUnit.DAYS.between(received, received.plusMonths(1));
    assertThat(withinFiveWeeks)
        .contains(reference, "uk_gdpr", "stopped since " + LocalDate.now(ZoneOffset.UTC))
        .contains(left + " days left when resumed");
    assertThat(withinADay).doesNotContain(reference);
  }

  @Test
  void due_withAMalformedPeriod_isRefused() {
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        new CommandLine(new RequestsCommand(() -> null, Clock.systemUTC()))
            .setErr(new PrintWriter(err, true))
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  cmd.getErr().println(e.getMessage());
                  return StewardCommand.USAGE;
                });

    int exit = commandLine.execute("due", "--within", "soon");

    assertThat(exit).isEqualTo(StewardCommand.USAGE);
    assertThat(err.toString()).contains("--within is a number of hours, days or weeks");
  }

  private static String run(StoreOpener store, String... args) {
    StringWriter out = new StringWriter();
    int exit =
        new CommandLine(new RequestsCommand(store, Clock.systemUTC()))
            .setOut(new PrintWriter(out, true))
            .execute(args);
    assertThat(exit).isZero();
    return out.toString();
  }
}
