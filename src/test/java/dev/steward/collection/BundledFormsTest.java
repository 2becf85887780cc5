package dev.steward.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.TestNodes;
import dev.steward.store.Engine;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The bundled policy's forms take submissions on a node started with no policy of its own: the
 * recruitment portal, testimonials and the opt-in newsletter that its source describes.
 */
class BundledFormsTest {

  @Test
  void collect_bundledForms_acceptTheirFieldsAndTheNewsletterOnlyWithTheOptIn() {
    try (TestNodes.Running node = TestNodes.start(TestNodes.config(Engine.H2, TestNodes.http()))) {
      HttpResponse<String> application =
          post(
              node,
              "job-application",
              "{\"name\":\"Ada Byron\",\"email\":\"ada@example.org\",\"resume\":\"Engineer\"}");
      HttpResponse<String> testimonial =
          post(
              node,
              "testimonial",
              "{\"name\":\"Bo Chen\",\"email\":\"bo@example.org\",\"testimonial\":\"Fast.\"}");
      HttpResponse<String> optedIn =
          post(node, "newsletter", "{\"email\":\"cy@example.org\",\"opt_in\":\"yes\"}");
      HttpResponse<String> notOptedIn = post(node, "newsletter", "{\"email\":\"di@example.org\"}");

      assertThat(application.statusCode()).as(application.body()).isEqualTo(201);
      assertThat(testimonial.statusCode()).as(testimonial.body()).isEqualTo(201);
      assertThat(optedIn.statusCode()).as(optedIn.body()).isEqualTo(201);
      assertThat(notOptedIn.statusCode()).isEqualTo(422);
      assertThat(notOptedIn.body()).contains("opt_in");
    }
  }

  private static HttpResponse<String> post(TestNodes.Running node, String form, String json) {
    return node.json("POST", "/api/v1/collect/" + form, null, json);
  }
}
