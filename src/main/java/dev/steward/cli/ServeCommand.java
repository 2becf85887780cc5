package dev.steward.cli;

import dev.steward.app.StewardNode;
import dev.steward.config.ConfigResolver;
import dev.steward.config.StewardConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code steward serve}: runs a node until the process is stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start Steward: the API, the privacy center and the scheduled jobs.")
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      paramLabel = "N",
      description = "HTTP port (default 8080; env STEWARD_PORT).")
  Integer port;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "Policy file (default: the bundled policy; env STEWARD_POLICY).")
  Path policy;

  @Option(
      names = "--public-url",
      paramLabel = "URL",
      description =
          "The address people reach Steward at, put before every link in a letter (default"
              + " http://localhost:PORT; env STEWARD_PUBLIC_URL).")
  String publicUrl;

  @Option(
      names = "--trusted-proxies",
      paramLabel = "LIST",
      description =
          "Reverse proxies (addresses or CIDR ranges, comma-separated) whose Forwarded or"
              + " X-Forwarded-For/-Proto headers set the client's address and scheme; from any"
              + " other peer they are ignored (default none; env STEWARD_TRUSTED_PROXIES).")
  String trustedProxies;

  @Option(
      names = "--filter-max-bytes",
      paramLabel = "BYTES",
      description =
          "The largest list POST /api/v1/decisions/filter takes (default 1 GiB; env"
              + " STEWARD_FILTER_MAX_BYTES).")
  Long filterMaxBytes;

  @Option(
      names = "--filter-max-lines",
      paramLabel = "N",
      description =
          "The most lines a filtered list may have (default 20000000; env"
              + " STEWARD_FILTER_MAX_LINES).")
  Long filterMaxLines;

  @Option(
      names = "--filter-max-line-bytes",
      paramLabel = "BYTES",
      description =
          "The longest line of a filtered list (default 8192; env"
              + " STEWARD_FILTER_MAX_LINE_BYTES).")
  Integer filterMaxLineBytes;

  @Option(
      names = "--publish-policy",
      description =
          "Publish the policy file even when the store already has another version in force.")
  boolean publishPolicy;

  private final CommonOptions common;
  private final PrintStream console;

  ServeCommand(CommonOptions common, PrintStream console) {
    this.common = common;
    this.console = console;
  }

  @Override
  public Integer call() throws InterruptedException {
    StewardConfig config =
        common.resolve(
            new ConfigResolver.Flags(
                null,
                port,
                null,
                policy,
                null,
                publicUrl,
                trustedProxies,
                filterMaxBytes,
                filterMaxLines,
                filterMaxLineBytes));
    Logging.format(config.logFormat());
    StewardNode node =
        StewardNode.start(
            config, new StewardNode.Options(publishPolicy), Clock.systemUTC(), console);
    Logging.restore();
    console.println("Steward is serving on http://localhost:" + node.port() + "/");
    console.println(
        "Privacy center: http://localhost:"
            + node.port()
            + "/   Console sign-in: http://localhost:"
            + node.port()
            + "/console");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  stopped.countDown();
                },
                "steward-shutdown"));
    stopped.await();
    return 0;
  }
}
