package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallRetryableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WafWritePacerTest {

  private final FakeTime time = new FakeTime();
  private final WafWritePacer pacer = time.pacer();
  private final List<String> written = new ArrayList<>();
  private final List<Instant> at = new ArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void write_shouldSpaceWritesASecondApart_whenOneAccountAndRegionWritesInTurn() {
    pacer.write("lane", "set-a", record("a1"));
    pacer.write("lane", "set-b", record("b1"));
    pacer.write("lane", "set-a", record("a2"));

    assertThat(written).containsExactly("a1", "b1", "a2");
    assertSpacedASecondApart();
  }

  @Test
  void write_shouldNotWait_whenTheWritesAreInDifferentAccountsOrRegions() {
    pacer.write("111111111111/us-east-1", "set-a", record("a"));
    pacer.write("111111111111/eu-west-1", "set-b", record("b"));

    assertThat(at).containsExactly(at.get(0), at.get(0));
  }

  @Test
  void write_shouldWriteOnlyTheNewestAndFailTheReplaced_whenABurstQueuesForOneSet()
      throws Exception {
    pacer.write("lane", "set", record("first"));
    time.close();
    List<CompletableFuture<Void>> burst = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      burst.add(writeInBackground("v" + i));
      awaitQueued(i + 2);
    }
    time.open();

    burst.get(19).get(1, TimeUnit.MINUTES); // a hang guard, not a performance assertion
    for (int i = 0; i < 19; i++) {
      assertThrowsConflict(burst.get(i)); // each was replaced by a newer one before its turn
    }
    assertThat(written).containsExactly("first", "v19");
    assertSpacedASecondApart();
  }

  @Test
  void write_shouldRethrowToItsCallerAndKeepPacing_whenTheWriteFails() {
    Runnable throttled =
        () -> {
          at.add(time.now());
          throw new FirewallRetryableException("throttled", null);
        };

    assertThatThrownBy(() -> pacer.write("lane", "set", throttled))
        .isInstanceOf(FirewallRetryableException.class);
    pacer.write("lane", "set", record("retry"));

    assertThat(written).containsExactly("retry");
    assertSpacedASecondApart();
  }

  private CompletableFuture<Void> writeInBackground(String value) {
    return CompletableFuture.runAsync(() -> pacer.write("lane", "set", record(value)), threads);
  }

  private void awaitQueued(long count) throws InterruptedException {
    // A hang guard of a minute, not a performance assertion.
    for (int i = 0; i < 60_000 && pacer.queued() < count; i++) {
      Thread.sleep(1);
    }
    assertThat(pacer.queued()).isEqualTo(count);
  }

  private static void assertThrowsConflict(CompletableFuture<Void> replaced) {
    assertThatThrownBy(() -> replaced.get(1, TimeUnit.MINUTES))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(FirewallConflictException.class);
  }

  private Runnable record(String value) {
    return () -> {
      synchronized (written) {
        written.add(value);
        at.add(time.now());
      }
    };
  }

  private void assertSpacedASecondApart() {
    for (int i = 1; i < at.size(); i++) {
      assertThat(Duration.between(at.get(i - 1), at.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
  }
}
