package dev.steward.request;

import static dev.steward.request.RequestWorld.instant;
import static dev.steward.request.RequestWorld.json;
import static dev.steward.request.RequestWorld.reference;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.steward.campaign.ChangeCampaigns;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PolicyPublishing;
import dev.steward.policy.PolicySnapshot;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.web.PublicUrl;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Logs go to places personal data must not: a full scenario (intake, verification, access and
 * erasure fulfilment, a policy-change campaign, a breach with its letters, a retention sweep) is
 * run with every Steward logger at DEBUG, and no line, argument, exception message or stack trace
 * holds a value that identifies the person.
 */
class NoPersonalDataInLogsTest {
  private static final Principal SETUP = new Principal.System("test");

  @Test
  void aFullScenario_logsNoPersonalData() throws Exception {
    String tag = Long.toString(System.nanoTime(), 36);
    String local = "zebulon.quartermaine." + tag;
    String email = local + "@example.co.uk";
    String phone = "+4479111" + String.format("%05d", (int) (System.nanoTime() % 100_000));
    String name = "Zebulon Quartermaine-" + tag;
    String details = "about my allergy to penicillin " + tag;
    String pastEmail = "ottoline.fairweather." + tag + "@example.co.uk";
    String pastName = "Ottoline Fairweather-" + tag;
    List<String> planted =
        List.of(local, email, phone, phone.substring(1), name, details, pastEmail, pastName);

    Logger steward = (Logger) LoggerFactory.getLogger("dev.steward");
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = steward.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    steward.setLevel(Level.DEBUG);
    try (RequestWorld world = RequestWorld.start(Engine.H2, instant("2026-03-02T09:00", "UTC"))) {
      // The person's data in the vault.
      UUID subject = FulfilmentTourTest.subject(world, email);
      FulfilmentTourTest.record(world, subject, "contact.email", "the-person", "inquiries", email);
      FulfilmentTourTest.record(
          world, subject, "identification.name", "the-person", "inquiries", name);
      // Intake through the public API, and verification by the code in the letter.
      String ref =
          reference(
              world.post(
                  "/api/v1/public/requests",
                  null,
                  "{\"type\":\"access\",\"residence\":\"GB\",\"identity\":{\"email\":\"%s\",\"phone\":\"%s\"},\"details\":\"%s\"}"
                      .formatted(email, phone, details)));
      // The letter asks for documents; staff saw them and verify.
      world.letter(email, "What we need to verify");
      UUID access = world.idOf(ref);
      assertThat(world.act(access, "verify", "{\"method\":\"passport seen\"}").statusCode())
          .isEqualTo(200);
      // The access request worked to its end.
      assertThat(json(world.act(access, "start", null)).get("state").asText())
          .isEqualTo("awaiting_systems");
      world.letter(email, "is complete");

      // A significant change announced to everyone, this person included.
      new PolicyPublishing(world.node.policies(), new PolicyChecker(world.clock))
          .publish(
              PolicySnapshot.ofText(
                  "policy.yaml",
                  PolicyChecker.bundledText()
                      .replace("version: \"2019-10\"", "version: \"2026-05-logs\"")
                      .replace(
                          "categories: [identification.name, contact.email,"
                              + " marketing.mailing_list, device.email_open]",
                          "categories: [identification.name, identification.job_title,"
                              + " contact.email, marketing.mailing_list, device.email_open]")),
              SETUP,
              false);
      ChangeCampaigns campaigns =
          new ChangeCampaigns(
              world.node.database(),
              world.node.policies(),
              world.node.vault().vault(),
              world.node.consent().ledger(),
              world.node.outbox(),
              world.node.audit(),
              PublicUrl.of("https://privacy.example.test"),
              world.clock,
              50);
      campaigns.start(SETUP, "2026-05-logs");
      campaigns.run();
      world.letter(email, "Our privacy notice changes");

      // A breach of the system holding the person's data: counted, confirmed, decided, written.
      String dpo = world.dpo;
      HttpResponse<String> recorded =
          world.post(
              "/api/v1/breaches",
              dpo,
              "{\"title\":\"Mailbox exposed\",\"whatHappened\":\"A mailbox was readable.\","
                  + "\"awareAt\":\"2026-03-02T08:00:00Z\",\"systems\":[\"email-im\"],"
                  + "\"categories\":[\"contact\",\"identification.name\"],"
                  + "\"jurisdictions\":[\"uk_gdpr\"],\"windowFrom\":\"2026-01-01T00:00:00Z\","
                  + "\"windowTo\":\"2026-03-03T00:00:00Z\",\"risk\":\"high\"}");
      assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
      String breach = "/api/v1/breaches/" + json(recorded).get("incident").get("id").asText();
      for (String[] step :
          List.of(
              new String[] {"/affected/count", null},
              new String[] {"/status", "{\"status\":\"confirmed\",\"reason\":\"seen in logs\"}"},
              new String[] {
                "/decision",
                "{\"notifyRegulator\":false,\"notifyIndividuals\":true,"
                    + "\"reasoning\":\"names and addresses were readable\"}"
              },
              new String[] {"/letters", "{\"language\":\"en\"}"})) {
        HttpResponse<String> done = world.post(breach + step[0], dpo, step[1]);
        assertThat(done.statusCode()).as(step[0] + " " + done.body()).isEqualTo(200);
      }
      world.letter(email, "Important: an incident");

      // A person whose relationship ended long ago, swept by the retention rules.
      UUID past =
          FulfilmentTourTest.vault(world)
              .createSubject(
                  SETUP,
                  new dev.steward.vault.NewSubject(
                      "customer-contacts",
                      java.time.LocalDate.parse("2010-01-01"),
                      java.time.LocalDate.parse("2015-01-31"),
                      null,
                      null,
                      List.of(dev.steward.vault.Identity.email(pastEmail))),
                  dev.steward.vault.ReturningPerson.REFUSE);
      FulfilmentTourTest.record(world, past, "contact.email", "the-person", "inquiries", pastEmail);
      FulfilmentTourTest.record(
          world, past, "identification.name", "the-person", "inquiries", pastName);
      dev.steward.retention.RunSummary swept =
          world.node.retention().run(SETUP, "test", dev.steward.retention.RetentionProgress.NONE);
      assertThat(swept.deleted()).isPositive();

      // Erasure, logged by staff and worked to its end.
      UUID erasure = world.log("erasure", "GB", email, world.clock.instant());
      assertThat(world.act(erasure, "verify", "{\"method\":\"passport seen\"}").statusCode())
          .isEqualTo(200);
      world.act(erasure, "start", null);
      RequestWorld.eventually(
          "the erasure completes", () -> world.state(erasure).equals("completed"));
    } finally {
      root.detachAppender(captured);
      steward.setLevel(before);
    }

    List<String> leaks = new ArrayList<>();
    for (ILoggingEvent event : captured.list) {
      String line = everything(event).toLowerCase(Locale.ROOT);
      for (String value : planted) {
        if (line.contains(value.toLowerCase(Locale.ROOT))) {
          leaks.add(event.getLoggerName() + ": " + event.getFormattedMessage());
        }
      }
    }
    assertThat(captured.list).as("the scenario logged something").isNotEmpty();
    assertThat(leaks).as("log lines holding personal data").isEmpty();
  }

  /** The line, its arguments, its context and every exception in it, with their stack traces. */
  private static String everything(ILoggingEvent event) {
    StringBuilder text = new StringBuilder(event.getFormattedMessage());
    if (event.getArgumentArray() != null) {
      for (Object argument : event.getArgumentArray()) {
        text.append(' ').append(argument);
      }
    }
    event.getMDCPropertyMap().forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
      for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
        text.append(' ').append(frame.getSTEAsString());
      }
    }
    return text.toString();
  }
}
