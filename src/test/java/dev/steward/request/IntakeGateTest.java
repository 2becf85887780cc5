package dev.steward.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IntakeGateTest {
  @Test
  void aSubmissionFindingEveryPlaceTaken_isRefusedAfterTheWaitWith503AndRetryAfter()
      throws Exception {
    IntakeGate gate = new IntakeGate(1, Duration.ofMillis(100));
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () ->
                gate.admit(
                    () -> {
                      inside.countDown();
                      await(release);
                      return "first";
                    }));
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    assertThatThrownBy(() -> gate.admit(() -> "second"))
        .isInstanceOfSatisfying(
            IntakeGate.Busy.class,
            busy -> {
              assertThat(busy.httpStatus()).isEqualTo(503);
              assertThat(busy.kind()).isEqualTo("intake-busy");
              assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    // The place is given back, also by a submission that failed.
    assertThatThrownBy(
            () ->
                gate.admit(
                    () -> {
                      throw new IllegalStateException("refused");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(gate.admit(() -> "third")).isEqualTo("third");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
