package dev.steward.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.TestNodes;
import dev.steward.store.Engine;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A call refused after it began to change things rolls back, and its audit entries with it: the log
 * says what happened, never what was attempted and undone.
 */
class RefusedCallsLeaveNoEntryTest {

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void aRequestRefusedMidIntake_leavesNoEntryForARequestThatDoesNotExist(Engine engine) {
    try (TestNodes.Running node = TestNodes.start(TestNodes.config(engine, TestNodes.http()))) {
      // No SMS gateway is configured: a phone-only request is refused when its code is to be sent,
      // after the request row and its "received" event were written in the same transaction.
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> refused =
            node.json(
                "POST",
                "/api/v1/public/requests",
                null,
                "{\"type\":\"access\",\"residence\":\"HK\",\"identity\":{\"phone\":\"+852 5123 45"
                    + (60 + i)
                    + "\"}}");
        assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 599);
      }

      List<String> dangling =
          node.node()
              .database()
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery(
                              "select object_id from audit_entry where action like 'request.%'"
                                  + " and object_type = 'request' and object_id not in"
                                  + " (select cast(id as varchar(64)) from rights_request)")
                          .mapTo(String.class)
                          .list());
      assertThat(dangling).isEmpty();
      int requests =
          node.node()
              .database()
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery("select count(*) from rights_request")
                          .mapTo(Integer.class)
                          .one());
      assertThat(requests).isZero();
    }
  }
}
