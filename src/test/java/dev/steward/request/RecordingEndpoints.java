package dev.steward.request;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Local HTTP endpoints standing in for recipients' webhooks and a delivery network: every call is
 * recorded as "path body" and answered 200 with {@code {"accepted":true}}.
 */
final class RecordingEndpoints {
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  RecordingEndpoints() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          calls.add(
              exchange.getRequestURI().getPath() + " " + new String(body, StandardCharsets.UTF_8));
          byte[] answer = "{\"accepted\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  /** The calls received so far, oldest first. */
  List<String> calls() {
    return calls;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }
}
