package dev.steward.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The baseline of bench/reqcost-wrk.sh: a bare Javalin app, started from the same jar with the same
 * JVM settings as Steward, whose {@code GET /json} answers the bytes of a JSON file (the answer
 * Steward gave to the read being measured).
 */
public final class BareJson {
  private BareJson() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    byte[] json = Files.readAllBytes(Path.of(args[1]));
    Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.routes.get("/json", ctx -> ctx.contentType("application/json").result(json));
            })
        .start("127.0.0.1", port);
  }
}
