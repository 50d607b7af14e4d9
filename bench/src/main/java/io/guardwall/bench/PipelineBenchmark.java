package io.guardwall.bench;

import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.flow.IncomingEvent;
import io.guardwall.core.flow.Run;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.sqlite.SqliteState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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
 * Findings per second through the whole in-process pipeline as {@code process} runs it: each
 * event's JSON text parsed, then batches of {@link #EVENTS_PER_BATCH} events routed, decided,
 * upserted into a SQLite state file (one transaction per batch), de-duplicated and built into Slack
 * alerts that are recorded, and one reconcile of the dry-run target per invocation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PipelineBenchmark extends Protocol {

  /** As the CLI's batches. */
  static final int EVENTS_PER_BATCH = 500;

  private List<String> lines;
  private Path dir;
  private SqliteState state;
  private Guardwall guardwall;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    lines = SyntheticEvents.guardDutyEvents(BATCH, 500, 7);
    dir = Files.createTempDirectory("guardwall-bench");
    state = SqliteState.open(dir.resolve("state.db"));
    GuardwallConfig config = GuardwallConfig.defaults();
    guardwall =
        new Guardwall(
            config,
            new Guardwall.Ports(
                state.blocklist(),
                state.notifications(),
                List.of(DryRunTarget.ofCapacity(config.firewall().capacity())),
                new RecordingNotifier(null)),
            Clock.systemUTC(),
            RetryPolicy.immediate(3));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    state.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object processBatch() throws IOException {
    return process();
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
    return process();
  }

  private Object process() throws IOException {
    Run run = guardwall.startRun();
    List<IncomingEvent> batch = new ArrayList<>(EVENTS_PER_BATCH);
    for (int i = 0; i < lines.size(); i++) {
      batch.add(new IncomingEvent(Jackson.reader().readTree(lines.get(i)), "bench", i));
      if (batch.size() == EVENTS_PER_BATCH) {
        run.processAll(batch);
        batch.clear();
      }
    }
    run.processAll(batch);
    return run.finish();
  }
}
