package dev.steward.app;

import dev.steward.keys.KeyKind;
import dev.steward.policy.PolicyChecker;
import java.time.Clock;
import java.util.concurrent.FutureTask;

/**
 * Loads and initialises the heavy libraries (Tink's key managers, the policy reader, the HTTP
 * server) on a second thread, so start-up uses both cores: it begins as the process starts, beside
 * the command line's parsing and the store's opening. Everything it touches is used right after;
 * nothing it does has an effect of its own. Once per process.
 */
final class Warmup {
  private static final FutureTask<Void> TASK = new FutureTask<>(Warmup::run, null);
  private static final Thread THREAD = new Thread(TASK, "steward-warm-up");

  private Warmup() {}

  /** Starts the warm-up unless it has started already. */
  static synchronized void begin() {
    if (THREAD.getState() == Thread.State.NEW) {
      THREAD.setDaemon(true);
      THREAD.start();
    }
  }

  /** Waits for the warm-up, starting it first if nothing did. Its failures only cost time. */
  static void await() {
    begin();
    try {
      TASK.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    } catch (java.util.concurrent.ExecutionException e) {
      // A warm-up that failed leaves the work to the first real use.
    }
  }

  private static void run() {
    KeyKind.values(); // registers Tink's signature, MAC and AEAD key managers
    // Reading the audit signing key checks its Ed25519 public key, whose first use computes Tink's
    // table of curve points with BigInteger arithmetic: done here, it is off the main thread.
    load("com.google.crypto.tink.internal.Ed25519Constants");
    // The main thread parses the policy in force later; the first parse pays for loading the YAML
    // reader and the validator, which this one takes on the second core.
    new PolicyChecker(Clock.systemUTC()).checkBundled();
    load(
        "org.eclipse.jetty.server.Server",
        "org.eclipse.jetty.server.ServerConnector",
        "org.eclipse.jetty.server.HttpConnectionFactory",
        "org.eclipse.jetty.ee10.servlet.ServletContextHandler",
        "io.javalin.jetty.JettyServer",
        "io.javalin.http.servlet.JavalinServlet");
  }

  private static void load(String... classNames) {
    for (String name : classNames) {
      try {
        Class.forName(name, true, Warmup.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        // A renamed class in a newer library only costs the warm-up; start-up goes on without it.
      }
    }
  }
}
