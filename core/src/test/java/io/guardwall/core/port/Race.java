package io.guardwall.core.port;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs the same work on several threads released at once, for the contracts' race tests. */
public final class Race {
  private Race() {}

  /** Runs {@code work(thread)} on {@code threads} threads started together; all their results. */
  public static <T> List<T> run(int threads, IntFunction<List<T>> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<T>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<List<T>> task =
            () -> {
              start.await();
              return work.apply(thread);
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<T> all = new ArrayList<>();
      for (Future<List<T>> f : futures) {
        all.addAll(f.get(5, TimeUnit.MINUTES)); // a hang guard, not a performance assertion
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}
