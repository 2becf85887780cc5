package dev.steward.opendsr;

import static dev.steward.opendsr.OpenDsrNode.body;
import static dev.steward.opendsr.OpenDsrNode.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.opendsr.CallbackReceiver.Call;
import dev.steward.store.Engine;
import dev.steward.web.Json;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Status callbacks reach the controller signed, through db-scheduler, and are retried. */
class OpenDsrCallbackTest {

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void callback_afterAStateChange_arrivesSignedWithTheDomain_andIsRetriedAfterAFailure(
      Engine engine) throws Exception {
    try (OpenDsrNode node = new OpenDsrNode(engine);
        CallbackReceiver receiver = new CallbackReceiver(1)) {
      String id = newId();
      node.submit(node.controller, body(id, "access", receiver.url()));

      node.staff(node.requestId(id).toString(), "start", "");

      Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
      while (receiver.calls.stream().noneMatch(c -> c.answeredWith() == 200)
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(200);
      }
      assertThat(receiver.calls).hasSize(2);
      assertThat(receiver.calls.get(0).answeredWith()).isEqualTo(500);
      Call delivered = receiver.calls.get(1);
      assertThat(delivered.body()).isEqualTo(receiver.calls.get(0).body());
      assertThat(delivered.processorDomain()).isEqualTo(OpenDsrNode.DOMAIN);
      assertThat(
              OpenDsrSignatures.verify(
                  delivered.body(), delivered.signature(), node.ca.processorCertificate))
          .isTrue();
      var status = Json.mapper().readTree(delivered.body());
      assertThat(status.get("subject_request_id").asText()).isEqualTo(id);
      assertThat(status.get("request_status").asText()).isEqualTo("in_progress");
      // The node records the delivery after the receiver's answer reaches it: wait for that.
      String recorded = recorded(node);
      while (!recorded.equals("delivered:2") && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
        recorded = recorded(node);
      }
      assertThat(recorded).isEqualTo("delivered:2");
    }
  }

  private static String recorded(OpenDsrNode node) {
    return node.node
        .node()
        .database()
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery("select status || ':' || attempts from opendsr_callback")
                    .mapTo(String.class)
                    .one());
  }
}
