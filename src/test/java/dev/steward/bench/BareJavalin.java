package dev.steward.bench;

import io.javalin.Javalin;

/**
 * The start-up baseline: a bare Javalin app answering {@code /health}, started from the same jar in
 * the same way as Steward by {@code bench/startup.sh}.
 */
public final class BareJavalin {
  private BareJavalin() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.routes.get("/health", ctx -> ctx.result("{\"status\":\"up\"}"));
            })
        .start("127.0.0.1", port);
  }
}
