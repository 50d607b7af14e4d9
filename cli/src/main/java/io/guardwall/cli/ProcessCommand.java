package io.guardwall.cli;

import io.guardwall.core.flow.EventReport;
import io.guardwall.core.flow.Run;
import io.guardwall.core.flow.RunReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
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
          + " reconcile. Progress goes to stderr."
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

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Event files or folders.")
  List<Path> paths;

  @Override
  void validate() {
    if (workers < 1 || workers > 256) {
      throw new UsageException("--workers must be 1-256: " + workers);
    }
    Cli.duration(interval, "--checkpoint-every", MAX_INTERVAL);
  }

  @Override
  int call(Backend backend, Output out) {
    Diagnostics diagnostics = Diagnostics.of(spec);
    List<EventInput> inputs = new ArrayList<>();
    EventFiles.expand(paths, diagnostics::warning).forEach(f -> inputs.addAll(EventFiles.read(f)));
    Run run = backend.startRun();
    Progress progress = new Progress(inputs.size(), spec.commandLine().getErr());
    List<EventReport> events = processAll(run, inputs, progress);
    RunReport end = run.finish();
    progress.print(run.reconciles());
    List<String> errors = new ArrayList<>(end.errors());
    errors.addAll(backend.deliver());
    out.process(new ProcessSummary(events, end, run.reconciles(), errors));
    errors.forEach(diagnostics::error);
    return errors.isEmpty() ? 0 : 1;
  }

  private List<EventReport> processAll(Run run, List<EventInput> inputs, Progress progress) {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    Periodic ticks = new Periodic(() -> tick(run, progress), interval);
    List<EventReport> reports;
    try {
      List<Future<EventReport>> futures = new ArrayList<>();
      for (EventInput input : inputs) {
        futures.add(pool.submit(() -> progress.done(process(run, input))));
      }
      reports = collect(futures);
    } finally {
      pool.shutdownNow();
      // A checkpoint in flight finishes before the final one starts.
      ticks.stop();
    }
    ticks.rethrowFailure();
    return reports;
  }

  private static void tick(Run run, Progress progress) {
    run.checkpoint();
    progress.print(run.reconciles());
  }

  private static EventReport process(Run run, EventInput input) {
    return input.error() != null
        ? EventReport.failed(input.source(), input.index(), input.error())
        : run.process(input.event(), input.source(), input.index());
  }

  private static List<EventReport> collect(List<Future<EventReport>> futures) {
    List<EventReport> reports = new ArrayList<>(futures.size());
    for (Future<EventReport> f : futures) {
      try {
        reports.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("a worker failed: " + e.getCause(), e.getCause());
      }
    }
    return reports;
  }

  /** What a process run prints. */
  record ProcessSummary(
      List<EventReport> events, RunReport run, int reconciles, List<String> errors) {}
}
