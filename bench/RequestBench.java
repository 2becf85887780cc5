import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The rights-request benchmarks, over HTTP against a running node, run with the jar on the class
 * path for Jackson: {@code java -cp target/steward.jar bench/RequestBench.java MODE URL TOKEN ...}.
 *
 * <ul>
 *   <li>{@code submit URL TOKEN N}: N staff submissions sent at once, after N authenticated reads
 *       ({@code GET /api/v1/policy/versions}) sent at once as the baseline; then checks through the API that every one is stored with a
 *       due date.
 *   <li>{@code access URL TOKEN EMAIL RUNS}: an access request for the subject with that email,
 *       verified by staff, then timed from {@code start} until it is completed with its package
 *       built; baseline in the same run: reading the same subject's records over the API.
 * </ul>
 */
public class RequestBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] RESIDENCES = {"GB", "FR", "DE", "US-CA", "CN", "HK", "IE"};
  // The access right under each residence's law (CCPA calls it the right to know).
  private static final String[] TYPES = {
    "access", "access", "access", "know_specific", "access", "access", "access"
  };

  private static HttpClient http;
  private static String base;
  private static String token;

  public static void main(String[] args) throws Exception {
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    base = args[1];
    token = args[2];
    switch (args[0]) {
      case "submit" -> submit(Integer.parseInt(args[3]));
      case "access" -> access(args[3], Integer.parseInt(args[4]));
      default -> throw new IllegalArgumentException("submit or access");
    }
  }

  private static void submit(int n) throws Exception {
    long[] health = burst(n, i -> get("/api/v1/policy/versions"));
    BUSY.set(0);
    CLOSED.set(0);
    ANSWERS.clear();
    List<String> references = new ArrayList<>();
    long[] submit =
        burst(
            n,
            i ->
                post(
                        "/api/v1/requests",
                        """
                        {"type":"%s","residence":"%s","channel":"email",
                         "identity":{"email":"bench.%d.%d@example.com"}}"""
                            .formatted(
                                TYPES[i % TYPES.length],
                                RESIDENCES[i % RESIDENCES.length],
                                System.nanoTime(),
                                i))
                    .thenApply(
                        response -> {
                          if (response.statusCode() == 202) { // a 503 is resent by the caller
                            synchronized (references) {
                              references.add(read(response).get("reference").asText());
                            }
                          }
                          return response;
                        }));
    JsonNode open = read(get("/api/v1/requests").join()).get("requests");
    Set<String> stored = new HashSet<>();
    int withDue = 0;
    for (JsonNode request : open) {
      if (references.contains(request.get("reference").asText())) {
        stored.add(request.get("reference").asText());
        if (!request.get("dueDate").isNull()) {
          withDue++;
        }
      }
    }
    System.out.printf(
        "%d requests sent at once over HTTP (staff submissions, %d residences)%n",
        n, RESIDENCES.length);
    print("GET /api/v1/policy/versions x " + n + " at once (baseline)", health);
    print("POST /api/v1/requests x " + n + " at once, to the 202", submit);
    long[] accepted = answers(202);
    long[] refused = answers(503);
    print("  each call answered 202 (" + accepted.length + ")", accepted);
    if (refused.length > 0) {
      print("  each call answered 503 + Retry-After (" + refused.length + ")", refused);
    }
    long[] every = ANSWERS.stream().mapToLong(a -> a[0]).sorted().toArray();
    print("  every answer, 202 or 503 (" + every.length + ")", every);
    long others = ANSWERS.stream().filter(a -> a[1] >= 500 && a[1] != 503).count();
    System.out.printf(
        "  answers 5xx other than 503: %d; connections closed before an answer, resent: %d%n",
        others, CLOSED.get());
    System.out.printf(
        "  p99 ratio submissions / baseline: %.2f%n",
        percentile(submit, 99) / (double) percentile(health, 99));
    System.out.printf(
        "  answered 202: %d (503 busy answers retried: %d); stored: %d; with a due date: %d;"
            + " lost: %d%n",
        references.size(), BUSY.get(), stored.size(), withDue, n - stored.size());
    if (stored.size() != n || withDue != n) {
      System.exit(1);
    }
  }

  private static void access(String email, int runs) throws Exception {
    String subject =
        read(post("/api/v1/subjects/search", "{\"identity\":{\"type\":\"email\",\"value\":\"%s\"}}"
                .formatted(email)).join())
            .get("subjectId")
            .asText();
    long[] reads = new long[runs];
    long[] packages = new long[runs];
    int records = 0;
    for (int run = 0; run < runs; run++) {
      long t0 = System.nanoTime();
      JsonNode values =
          read(get("/api/v1/subjects/" + subject + "/records?purpose=legal-compliance").join());
      reads[run] = System.nanoTime() - t0;
      records = values.get("records").size();

      String reference =
          read(post(
                      "/api/v1/requests",
                      """
                      {"type":"access","residence":"GB","channel":"email",
                       "identity":{"email":"%s"}}"""
                          .formatted(email))
                  .join())
              .get("reference")
              .asText();
      String id = idOf(reference);
      expect(post("/api/v1/requests/" + id + "/verify", "{\"method\":\"benchmark\"}").join(), 200);
      long t1 = System.nanoTime();
      expect(post("/api/v1/requests/" + id + "/start", null).join(), 200);
      String state;
      do {
        Thread.sleep(5);
        state = read(get("/api/v1/requests/" + id).join()).at("/summary/state").asText();
      } while (!state.equals("completed") && System.nanoTime() - t1 < 120_000_000_000L);
      packages[run] = System.nanoTime() - t1;
      if (!state.equals("completed")) {
        throw new IllegalStateException("request " + id + " still " + state + " after 120 s");
      }
    }
    System.out.printf("access request for a subject with %d records, %d runs%n", records, runs);
    print("GET the subject's records (baseline)", reads);
    print("from verified to package ready (start → completed)", packages);
    System.out.printf(
        "  median ratio package / read: %.1f; median %d ms (target < 2,000 ms)%n",
        percentile(packages, 50) / (double) percentile(reads, 50), percentile(packages, 50) / 1_000_000);
  }

  private static String idOf(String reference) {
    for (JsonNode request : read(get("/api/v1/requests").join()).get("requests")) {
      if (request.get("reference").asText().equals(reference)) {
        return request.get("id").asText();
      }
    }
    throw new IllegalStateException("no open request " + reference);
  }

  interface Call {
    CompletableFuture<HttpResponse<String>> send(int i);
  }

  // Every call's own latency (ns) and status, retries included.
  private static final java.util.Queue<long[]> ANSWERS =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private static long[] answers(int status) {
    return ANSWERS.stream().filter(a -> a[1] == status).mapToLong(a -> a[0]).sorted().toArray();
  }

  private static final java.util.concurrent.atomic.AtomicInteger BUSY =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The call, sent again after its Retry-After while the node answers 503 (busy). */
  private static CompletableFuture<HttpResponse<String>> patiently(Call call, int i, int tries) {
    long sent = System.nanoTime();
    return call.send(i)
        .handle(
            (response, failure) -> {
              if (failure != null) {
                Throwable cause = failure;
                while (cause.getCause() != null && !(cause instanceof java.io.IOException)) {
                  cause = cause.getCause();
                }
                if (tries == 0 || !(cause instanceof java.io.IOException)) {
                  return CompletableFuture.<HttpResponse<String>>failedFuture(failure);
                }
                // The connection closed before any answer: sent again; a copy that had been
                // stored after all would show as a reference missing from the list below.
                CLOSED.incrementAndGet();
                return later(1, () -> patiently(call, i, tries - 1));
              }
              ANSWERS.add(new long[] {System.nanoTime() - sent, response.statusCode()});
              if (response.statusCode() != 503 || tries == 0) {
                return CompletableFuture.completedFuture(response);
              }
              BUSY.incrementAndGet();
              long wait = Long.parseLong(response.headers().firstValue("Retry-After").orElse("1"));
              return later(wait, () -> patiently(call, i, tries - 1));
            })
        .thenCompose(next -> next);
  }

  private static final java.util.concurrent.atomic.AtomicInteger CLOSED =
      new java.util.concurrent.atomic.AtomicInteger();

  private static CompletableFuture<HttpResponse<String>> later(
      long seconds, java.util.function.Supplier<CompletableFuture<HttpResponse<String>>> next) {
    return CompletableFuture.supplyAsync(
            () -> null,
            CompletableFuture.delayedExecutor(seconds, java.util.concurrent.TimeUnit.SECONDS))
        .thenCompose(ignored -> next.get());
  }


  /**
   * Sends n calls at once; answers each one's latency in nanoseconds (to its final answer, across
   * any 503 retries), sorted.
   */
  private static long[] burst(int n, Call call) {
    long[] latencies = new long[n];
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      long start = System.nanoTime();
      all.add(
          patiently(call, i, 120)
              .thenAccept(
                  response -> {
                    if (response.statusCode() >= 300) {
                      throw new IllegalStateException(
                          response.statusCode() + " " + response.body());
                    }
                    latencies[index] = System.nanoTime() - start;
                  }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    Arrays.sort(latencies);
    return latencies;
  }

  private static long percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static void print(String what, long[] nanos) {
    System.out.printf(
        "  %-52s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n",
        what,
        percentile(nanos, 50) / 1e6,
        percentile(nanos, 99) / 1e6,
        percentile(nanos, 100) / 1e6);
  }

  private static CompletableFuture<HttpResponse<String>> get(String path) {
    return http.sendAsync(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(120))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static CompletableFuture<HttpResponse<String>> post(String path, String body) {
    return http.sendAsync(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(120))
            .POST(
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
  }

  private static JsonNode read(HttpResponse<String> response) {
    try {
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
