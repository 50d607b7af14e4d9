package io.guardwall.cli;

import io.guardwall.core.flow.Run;
import io.guardwall.core.flow.RunReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guardwall process}: applies events for real, with concurrent workers. */
@Command(
    name = "process",
    mixinStandardHelpOptions = true,
    description = {
      "Applies events for real: records blocks in the store, reconciles the firewall and posts"
          + " Slack messages (replay is the dry run).",
      "Workers record concurrently; the firewall is reconciled at most once per checkpoint"
          + " interval while blocks arrive, and once at the end, with one Slack digest per"
          + " reconcile. A progress line goes to stderr when it is a terminal (see --quiet)."
    })
final class ProcessCommand extends StateCommand {

  /** The final reconcile always runs, so a longer interval would only mean "at the end". */
  static final Duration MAX_INTERVAL = Duration.ofDays(1);

  @Option(
      names = "--workers",
      defaultValue = "4",
      description = "Concurrent workers (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--checkpoint-every",
      paramLabel = "DURATION",
      defaultValue = "PT10S",
      description =
          "Reconcile interval while events arrive, at most P1D (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Mixin TimeWindow window;

  @Mixin ProgressOptions progressOptions;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "Event files (.json, .jsonl, .ndjson, each also .gz), folders or s3://bucket/prefix.")
  List<String> paths;

  @Override
  void validate() {
    if (workers < 1 || workers > 256) {
      throw new UsageException("--workers must be 1-256: " + workers);
    }
    Cli.duration(interval, "--checkpoint-every", MAX_INTERVAL);
    window.validate();
  }

  @Override
  int call(Backend backend, Output out) {
    Diagnostics diagnostics = Diagnostics.of(spec);
    List<EventSource> sources = EventFiles.sources(paths, diagnostics::warning);
    Run run = backend.startRun();
    Progress progress = progressOptions.progress(spec, sources);
    ProcessTally tally = processAll(run, sources, progress);
    String leftOut = window.leftOut();
    if (!leftOut.isEmpty()) {
      diagnostics.warning(leftOut);
    }
    RunReport end = run.finish();
    progress.end();
    List<String> errors = new ArrayList<>(end.errors());
    errors.addAll(backend.deliver());
    out.process(new ProcessSummary(tally, end, run.reconciles(), errors));
    errors.forEach(diagnostics::error);
    return errors.isEmpty() ? 0 : 1;
  }

  private ProcessTally processAll(Run run, List<EventSource> sources, Progress progress) {
    ProcessTally tally = new ProcessTally();
    Workers pool = new Workers(workers);
    Periodic ticks = new Periodic(() -> tick(run, progress), interval);
    try {
      Batches<EventInput> batches =
          new Batches<>(
              Batches.EVENTS,
              batch ->
                  pool.submit(
                      () ->
                          EventInput.runAll(run, batch).forEach(r -> tally.add(progress.done(r)))));
      EventFiles.forEach(
          progress.read(sources), window.filter(batches, Diagnostics.of(spec)::warning));
      batches.flush();
      pool.finish();
    } finally {
      pool.stop();
      // A checkpoint in flight finishes before the final one starts.
      ticks.stop();
    }
    ticks.rethrowFailure();
    return tally;
  }

  private static void tick(Run run, Progress progress) {
    run.checkpoint();
    progress.show();
  }

  /** What a process run prints. */
  record ProcessSummary(ProcessTally tally, RunReport run, int reconciles, List<String> errors) {}
}
