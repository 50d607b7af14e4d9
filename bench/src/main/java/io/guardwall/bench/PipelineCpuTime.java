package io.guardwall.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * CPU time and heap allocation per finding of {@link PipelineBenchmark}'s work, measured on the
 * running thread ({@code ThreadMXBean}), so the figure moves less than wall-clock throughput when
 * other processes share the cores. Native time inside SQLite counts, since it runs on this thread.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.guardwall.bench.PipelineCpuTime [warm-up
 * rounds, default 200] [measured rounds, default 200] [repeats, default 5]}; one round is {@link
 * Protocol#BATCH} events.
 */
public final class PipelineCpuTime {

  private PipelineCpuTime() {}

  public static void main(String[] args) throws IOException {
    int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    List<String> lines = SyntheticEvents.guardDutyEvents(Protocol.BATCH, 500, 7);
    try (LocalPipeline pipeline = LocalPipeline.openTemporary()) {
      runRounds(pipeline, lines, warmUp);
      for (int r = 0; r < repeats; r++) {
        long cpu = threads.getThreadCpuTime(thread);
        long bytes = threads.getThreadAllocatedBytes(thread);
        long wall = System.nanoTime();
        runRounds(pipeline, lines, rounds);
        double findings = (double) rounds * lines.size();
        System.out.printf(
            "CPU %.2f µs/finding, %.0f bytes allocated/finding, wall %.2f µs/finding%n",
            (threads.getThreadCpuTime(thread) - cpu) / findings / 1_000.0,
            (threads.getThreadAllocatedBytes(thread) - bytes) / findings,
            (System.nanoTime() - wall) / findings / 1_000.0);
      }
    }
  }

  private static void runRounds(LocalPipeline pipeline, List<String> lines, int rounds)
      throws IOException {
    for (int i = 0; i < rounds; i++) {
      pipeline.process(lines);
    }
  }
}
