package dev.steward.app;

import dev.steward.keys.KeyKind;
import dev.steward.policy.PolicyChecker;
import java.time.Clock;

/**
 * Loads and initialises the heavy libraries (Tink's key managers, jollyday's holiday data, the HTTP
 * server) on a second thread while the main thread opens the store, so start-up uses both cores.
 * Everything it touches is used right after; nothing it does has an effect of its own.
 */
final class Warmup {
  private Warmup() {}

  static void run() {
    KeyKind.values(); // registers Tink's signature, MAC and AEAD key managers
    // Reading the audit signing key checks its Ed25519 public key, whose first use computes Tink's
    // table of curve points with BigInteger arithmetic: done here, it is off the main thread.
    load("com.google.crypto.tink.internal.Ed25519Constants");
    // The main thread parses the policy in force next; the first parse pays for loading the YAML
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
