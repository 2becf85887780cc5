package dev.steward.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes combined-format access logs for the log scanning benchmark: {@code SIZE_MIB} MiB into
 * {@code DIR/access.log}, from a population of 100,000 visitors (IP, email, cookie id); about a
 * third of the lines are signed in and carry the visitor's email as the remote user. Also writes
 * {@code DIR/one.txt} (one visitor's email) and {@code DIR/many.txt} (1,000 visitors' emails), the
 * patterns both grep and the scanner look for. Same bytes for the same arguments.
 *
 * <p>Run: {@code java -cp target/test-classes dev.steward.bench.LogsGen DIR [SIZE_MIB]}
 */
public final class LogsGen {
  private static final int VISITORS = 100_000;
  private static final String[] PATHS = {
    "/",
    "/products",
    "/products/42",
    "/cart",
    "/checkout",
    "/account",
    "/search?q=shoes",
    "/static/app.js",
    "/static/site.css",
    "/api/v1/items?page=2"
  };
  private static final String[] AGENTS = {
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko)"
        + " Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
        + " Chrome/126.0.0.0 Safari/537.36",
    "curl/8.5.0"
  };

  private LogsGen() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    long target = (args.length > 1 ? Long.parseLong(args[1]) : 1024) << 20;
    Files.createDirectories(dir);
    String[] ips = new String[VISITORS];
    String[] emails = new String[VISITORS];
    String[] cookies = new String[VISITORS];
    Random random = new Random(42);
    for (int i = 0; i < VISITORS; i++) {
      ips[i] =
          (1 + random.nextInt(222))
              + "."
              + random.nextInt(256)
              + "."
              + random.nextInt(256)
              + "."
              + (1 + random.nextInt(254));
      emails[i] =
          "visitor" + i + "." + Integer.toString(random.nextInt(1 << 20), 36) + "@example.com";
      cookies[i] = Long.toHexString(random.nextLong());
    }
    Files.writeString(dir.resolve("one.txt"), emails[4242] + "\n");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      many.append(emails[i * 97]).append('\n');
    }
    Files.writeString(dir.resolve("many.txt"), many);
    long written = 0;
    int second = 0;
    try (OutputStream out =
        new BufferedOutputStream(Files.newOutputStream(dir.resolve("access.log")), 1 << 20)) {
      while (written < target) {
        int v = random.nextInt(VISITORS);
        second++;
        String line =
            ips[v]
                + " - "
                + (random.nextInt(3) == 0 ? emails[v] : "-")
                + " [05/Dec/2026:"
                + String.format("%02d:%02d:%02d", second / 3600 % 24, second / 60 % 60, second % 60)
                + " +0000] \"GET "
                + PATHS[random.nextInt(PATHS.length)]
                + " HTTP/1.1\" "
                + (random.nextInt(20) == 0 ? 404 : 200)
                + " "
                + random.nextInt(50_000)
                + " \"https://shop.example.com/\" \""
                + AGENTS[random.nextInt(AGENTS.length)]
                + "\" \"sid="
                + cookies[v]
                + "\"\n";
        byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes);
        written += bytes.length;
      }
    }
  }
}
