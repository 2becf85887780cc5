package dev.steward.bench;

import io.javalin.Javalin;

/**
 * The baseline of bench/decide-wrk.sh: a bare Javalin app, started from the same jar with the same
 * JVM settings as Steward, whose {@code POST /echo} answers the JSON body it was sent.
 */
public final class BareEcho {
  private BareEcho() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.routes.post(
                  "/echo", ctx -> ctx.contentType("application/json").result(ctx.bodyAsBytes()));
            })
        .start("127.0.0.1", port);
  }
}
