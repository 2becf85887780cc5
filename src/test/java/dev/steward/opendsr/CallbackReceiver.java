package dev.steward.opendsr;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A controller's callback endpoint on 127.0.0.1 that answers 500 to its first {@code failFirst}
 * calls and 200 after, keeping every call it received.
 */
final class CallbackReceiver implements AutoCloseable {
  /** One call as it arrived. */
  record Call(String body, String signature, String processorDomain, int answeredWith) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  CallbackReceiver(int failFirst) {
    AtomicInteger seen = new AtomicInteger();
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/callback",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = seen.incrementAndGet() <= failFirst ? 500 : 200;
          calls.add(
              new Call(
                  body,
                  exchange.getRequestHeaders().getFirst(OpenDsrSignatures.SIGNATURE),
                  exchange.getRequestHeaders().getFirst(OpenDsrSignatures.PROCESSOR_DOMAIN),
                  status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
