package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.cli.StewardCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The administration commands work on the embedded default store while a node serves it, as the
 * README's tour runs them: the node runs as a process of its own on an H2 data directory, and the
 * command runs in this one against the same directory.
 */
class CliBesideNodeTest {
  record Outcome(int code, String out, String err, long millis) {}

  @Test
  void usersAdd_onTheDataDirOfARunningNode_addsAUserTheNodeKnows() throws Exception {
    Path dataDir = Files.createTempDirectory("steward-beside-");
    try (NodeProcess node = NodeProcess.start(dataDir, Map.of(), "1")) {
      Outcome added =
          steward(
              "a long enough passphrase 42\n",
              "users",
              "add",
              "--username",
              "dana",
              "--role",
              "dpo",
              "--password-stdin",
              "--data-dir",
              dataDir.toString());
      Outcome listed = steward("", "users", "list", "--data-dir", dataDir.toString());

      assertThat(added.code()).as(added.err()).isZero();
      assertThat(listed.code()).as(listed.err()).isZero();
      assertThat(listed.out()).contains("dana").contains("admin");
      assertThat(node.call("GET", "/health", null, null).statusCode()).isEqualTo(200);
      // The node serves the store on loopback only, to those who can read its owner-only lock.
      Path lock = dataDir.resolve("steward.lock.db");
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(lock)))
          .isEqualTo("rw-------");
      java.util.Properties held = new java.util.Properties();
      try (InputStream in = Files.newInputStream(lock)) {
        held.load(in);
      }
      String host = held.getProperty("server").replaceFirst(":\\d+$", "");
      assertThat(java.net.InetAddress.getByName(host).isLoopbackAddress()).as(host).isTrue();
    }
  }

  @Test
  void usersList_onAStoreANodeHoldsWithoutSharing_failsWithinASecondSayingWhatToDo()
      throws Exception {
    Path dataDir = Files.createTempDirectory("steward-beside-");
    String unshared =
        dev.steward.store.StoreSettings.h2FileUrl(dataDir.resolve("steward"))
            .replace(";AUTO_SERVER=TRUE", "");
    try (NodeProcess node = NodeProcess.start(dataDir, Map.of("STEWARD_DB_URL", unshared), "1")) {
      // The first call pays for loading the command line's and the driver's classes.
      Outcome first =
          steward("", "users", "list", "--data-dir", dataDir.toString(), "--db-url", unshared);
      Outcome listed =
          steward("", "users", "list", "--data-dir", dataDir.toString(), "--db-url", unshared);

      assertThat(listed.code()).isEqualTo(1);
      assertThat(listed.err().strip())
          .startsWith("steward: the H2 store " + dataDir.resolve("steward.mv.db"))
          .contains("in use by another process")
          .contains("AUTO_SERVER=TRUE")
          .doesNotContain("\n");
      // Not a speed target: H2's own lock retries took about 11 s; failing at the first
      // connection answers in well under that even on a loaded machine.
      assertThat(listed.millis()).as("first call: %d ms", first.millis()).isLessThan(5_000);
    }
  }

  private static Outcome steward(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InputStream in = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    long started = System.nanoTime();
    try {
      int code =
          StewardCommand.run(
              args,
              Map.of(),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      return new Outcome(
          code,
          out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8),
          (System.nanoTime() - started) / 1_000_000);
    } finally {
      System.setIn(in);
    }
  }
}
