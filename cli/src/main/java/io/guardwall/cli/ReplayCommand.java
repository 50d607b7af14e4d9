package io.guardwall.cli;

import io.guardwall.core.flow.EventReport;
import io.guardwall.core.flow.Run;
import io.guardwall.core.flow.RunReport;
import io.guardwall.core.reconcile.ReconcileResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guardwall replay}: runs events through the whole pipeline against a dry-run firewall. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Dry run: routes, parses and decides every event, records blocks in the state, renders the"
          + " rule group and builds the Slack messages, without touching AWS.",
      "Slack messages are posted only when SLACK_WEBHOOK_URL is set.",
      "Exit status 1 when the run's own work failed (a state write, a Slack message, the"
          + " rendering); a bad event is reported in its entry and does not fail the run."
    })
final class ReplayCommand implements Callable<Integer> {

  @Mixin CommonOptions options;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = "SQLite state file to start from and keep (default: empty, in memory).")
  Path state;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Event files or folders (read recursively, in name order).")
  List<Path> paths;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Diagnostics diagnostics = Diagnostics.of(spec);
    List<Path> files = EventFiles.expand(paths, diagnostics::warning);
    try (Backend backend =
        Backend.dryRun(
            options.config(),
            state,
            GuardwallCli.host(spec),
            Clock.systemUTC(),
            diagnostics::warning)) {
      ReplayResult result = replay(backend, files);
      Output out = new Output(spec.commandLine().getOut(), options.format);
      out.replay(result, backend);
      // Bad events are reported in their entries; these are failures of the run's own work.
      result.errors().forEach(diagnostics::error);
      return result.errors().isEmpty() ? 0 : 1;
    }
  }

  private ReplayResult replay(Backend backend, List<Path> files) {
    Run run = backend.startRun();
    List<EventReport> events = new ArrayList<>();
    for (Path file : files) {
      for (EventInput input : EventFiles.read(file)) {
        events.add(
            input.error() != null
                ? EventReport.failed(input.source(), input.index(), input.error())
                : run.process(input.event(), input.source(), input.index()));
      }
    }
    RunReport report = run.finish();
    // A dry run always shows the rule group the whole desired state renders to, also when this
    // run changed nothing (a replay on an existing --state).
    ReconcileResult rendered =
        report.reconcile() != null ? report.reconcile() : backend.guardwall.reconcile();
    List<String> errors = new ArrayList<>(report.errors());
    errors.addAll(backend.deliver());
    return new ReplayResult(events, rendered, errors);
  }

  /** Everything a replay prints. */
  record ReplayResult(List<EventReport> events, ReconcileResult rendered, List<String> errors) {}
}
