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
import java.util.Comparator;
import java.util.List;

/**
 * The whole local pipeline as {@code process} runs it, over a SQLite state file in a temporary
 * directory: each event's JSON text parsed, then batches of {@link #EVENTS_PER_BATCH} events
 * routed, decided, upserted (one transaction per batch), de-duplicated and built into Slack alerts
 * that are recorded, and one reconcile of the dry-run target per {@link #process} call. {@link
 * #process} is thread-safe (workers share the file); {@link #close} is not.
 */
final class LocalPipeline implements AutoCloseable {

  /** As the CLI's batches. */
  static final int EVENTS_PER_BATCH = 500;

  private final Path dir;
  private final SqliteState state;
  private final Guardwall guardwall;

  private LocalPipeline(Path dir, SqliteState state) {
    this.dir = dir;
    this.state = state;
    GuardwallConfig config = GuardwallConfig.defaults();
    this.guardwall =
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

  /** A pipeline over a new, empty state file. */
  static LocalPipeline openTemporary() throws IOException {
    Path dir = Files.createTempDirectory("guardwall-bench");
    return new LocalPipeline(dir, SqliteState.open(dir.resolve("state.db")));
  }

  /** Runs {@code lines} (one event's JSON each) through the pipeline; returns the run's report. */
  Object process(List<String> lines) throws IOException {
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

  @Override
  public void close() throws IOException {
    state.close();
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
