package dev.steward.bench;

import dev.steward.web.RateLimiter;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of one rate-limit check as the number of client addresses seen grows (bench/limiter.sh):
 * the limiter is first fed every address once, then each measured check takes a token for a random
 * one of them. A flood from many addresses must not make each check dearer, so the figure at a
 * million addresses is compared with the figure at a thousand in the same run. Past the limiter's
 * cap the least recently used buckets go, so at a million most checks make a new bucket: that is
 * the flood's cost, and it must stay of the same order.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class RateLimiterBench {
  @Param({"1000", "100000", "1000000"})
  int addresses;

  private RateLimiter limiter;
  private String[] keys;

  @Setup
  public void fill() {
    // Generous enough that no check in the run is refused: a refusal throws, which is not the cost
    // being measured.
    limiter = new RateLimiter(Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2, Clock.systemUTC());
    keys = new String[addresses];
    for (int i = 0; i < addresses; i++) {
      keys[i] = "public:10." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
      limiter.acquire(keys[i]);
    }
  }

  @Benchmark
  public String acquire() {
    String key = keys[ThreadLocalRandom.current().nextInt(keys.length)];
    limiter.acquire(key);
    return key;
  }
}
