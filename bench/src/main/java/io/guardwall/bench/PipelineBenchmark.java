package io.guardwall.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Findings per second through the whole in-process pipeline as {@code process} runs it ({@link
 * LocalPipeline}): {@link Protocol#BATCH} events per invocation, in batches of {@link
 * LocalPipeline#EVENTS_PER_BATCH}, and one reconcile of the dry-run target per invocation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PipelineBenchmark extends Protocol {

  private List<String> lines;
  private LocalPipeline pipeline;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    lines = SyntheticEvents.guardDutyEvents(BATCH, 500, 7);
    pipeline = LocalPipeline.openTemporary();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    pipeline.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object processBatch() throws IOException {
    return pipeline.process(lines);
  }

  /**
   * The same on two threads sharing the state file, as {@code process --workers 2} runs on this
   * two-core machine: parsing and deciding run in parallel, the store's transactions one at a time.
   * The score is the two threads' findings per second together.
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Threads(2)
  public Object processBatchTwoWorkers() throws IOException {
    return pipeline.process(lines);
  }
}
