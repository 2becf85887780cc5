package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, for page tests over plain HTTP: keeps cookies, asks for HTML, does
 * not follow redirects, and posts forms with the CSRF token of the last page it read.
 */
public final class PageClient {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private final TestNodes.Running node;
  private final HttpClient client =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private String csrf;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public PageClient(TestNodes.Running node) {
    this.node = node;
  }

  /** Sends {@code name: value} with every later request, as a browser setting would. */
  public PageClient withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public HttpResponse<String> get(String path) {
    HttpResponse<String> page =
        send(HttpRequest.newBuilder(node.uri(path)).header("Accept", "text/html").GET());
    Matcher token = CSRF.matcher(page.body());
    if (token.find()) {
      csrf = token.group(1);
    }
    return page;
  }

  /** Posts {@code fields} (name, value, name, value ...) with the last page's CSRF token. */
  public HttpResponse<String> post(String path, String... fields) {
    Map<String, String> form = new LinkedHashMap<>();
    if (csrf != null) {
      form.put("csrf", csrf);
    }
    for (int i = 0; i < fields.length; i += 2) {
      form.put(fields[i], fields[i + 1]);
    }
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(node.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The path a 303 answer sends the browser to. */
  public static String location(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
    return answer.headers().firstValue("Location").orElseThrow();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    headers.forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
