package io.guardwall.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.flow.Run;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.local.DryRunFirewall;
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

/**
 * Findings per second through the whole in-process pipeline: parse, route, decide, upsert into a
 * SQLite state file, alerts built and recorded, one reconcile of the dry-run firewall per batch.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PipelineBenchmark extends Protocol {

  private List<JsonNode> events;
  private Path dir;
  private SqliteState state;
  private Guardwall guardwall;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    events = new ArrayList<>();
    for (String e : SyntheticEvents.guardDutyEvents(BATCH, 500, 7)) {
      events.add(Jackson.reader().readTree(e));
    }
    dir = Files.createTempDirectory("guardwall-bench");
    state = SqliteState.open(dir.resolve("state.db"));
    GuardwallConfig config = GuardwallConfig.defaults();
    guardwall =
        new Guardwall(
            config,
            new Guardwall.Ports(
                state.blocklist(),
                state.notifications(),
                new DryRunFirewall(config.firewall().capacity()),
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
  public Object processBatch() {
    Run run = guardwall.startRun();
    for (int i = 0; i < events.size(); i++) {
      run.process(events.get(i), "bench", i);
    }
    return run.finish();
  }
}
