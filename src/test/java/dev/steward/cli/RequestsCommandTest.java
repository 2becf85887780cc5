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
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code steward requests due} reads the queue from the store, without keys. */
class RequestsCommandTest {

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
                          "{\"type\":\"opt_out_sale_sharing\",\"residence\":\"US-CA\","
                              + "\"identity\":{\"email\":\"cli@example.com\"}}")));
      assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
      reference = filed.body().replaceAll(".*\"(R-[A-Z0-9-]+)\".*", "$1");
    }
    StoreOpener store = () -> Database.open(config.store());

    String withinFiveWeeks = run(store, "due", "--within", "5w");
    String withinADay = run(store, "due", "--within", "24h");
    String overdue = run(store, "due", "--overdue");

    assertThat(withinFiveWeeks)
        .contains(reference, "opt_out_sale_sharing", "verified", "ccpa", "1 due within 5w");
    assertThat(withinADay).doesNotContain(reference).contains("0 due within 24h");
    assertThat(overdue).contains("0 overdue");
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
