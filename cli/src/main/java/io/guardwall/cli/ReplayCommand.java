package io.guardwall.cli;

import io.guardwall.core.flow.Run;
import io.guardwall.core.flow.RunReport;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.reconcile.TargetsResult;
import io.guardwall.core.slack.SlackMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guardwall replay}: runs events through the whole pipeline against a dry-run target. */
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

  @Mixin TimeWindow window;

  @Mixin CommonOptions options;

  @Mixin ProgressOptions progressOptions;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = "SQLite state file to start from and keep (default: empty, in memory).")
  Path state;

  @Option(
      names = "--summary",
      description =
          "Print counts per decision and reason, the top blocked addresses and the rule group's"
              + " size instead of every event and the rule group's JSON (text only).")
  boolean summary;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "Event files (.json, .jsonl, .ndjson, each also .gz), folders (read recursively, in"
              + " name order) or s3://bucket/prefix (every object under it, in key order).")
  List<String> paths;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Diagnostics diagnostics = Diagnostics.of(spec);
    window.validate();
    if (summary && options.format == Format.JSON) {
      throw new UsageException("--summary is a text report: leave out --format json");
    }
    List<EventSource> sources = EventFiles.sources(paths, diagnostics::warning);
    try (Backend backend =
        Backend.dryRun(
            options.config(),
            state,
            GuardwallCli.host(spec),
            Clock.systemUTC(),
            diagnostics::warning,
            !summary)) {
      Output out = new Output(spec.commandLine().getOut(), options.format);
      ReplayPrinter printer = out.replay(summary);
      ReplayResult result = replay(backend, sources, printer);
      printer.end(result);
      // Bad events are reported in their entries; these are failures of the run's own work.
      result.errors().forEach(diagnostics::error);
      return result.errors().isEmpty() ? 0 : 1;
    }
  }

  private ReplayResult replay(Backend backend, List<EventSource> sources, ReplayPrinter printer) {
    Run run = backend.startRun();
    Progress progress = progressOptions.progress(spec, sources);
    Batches<EventInput> batches =
        new Batches<>(
            Batches.EVENTS,
            batch -> EventInput.runAll(run, batch).forEach(r -> printer.event(progress.done(r))));
    EventFiles.forEach(
        progress.read(sources), window.filter(batches, Diagnostics.of(spec)::warning));
    batches.flush();
    progress.end();
    warnLeftOut();
    RunReport report = run.finish();
    // A dry run always shows the rule group the whole desired state renders to, also when this
    // run changed nothing (a replay on an existing --state).
    TargetsResult reconciled =
        report.reconcile() != null ? report.reconcile() : backend.guardwall.reconcile();
    DryRunRuleGroup rendered =
        DryRunRuleGroup.of(reconciled.targets().get(0), backend.guardwall.config());
    List<String> errors = new ArrayList<>(report.errors());
    errors.addAll(backend.deliver());
    return new ReplayResult(
        rendered,
        errors,
        backend.store.listActive(Instant.now()),
        backend.notifier.messages(),
        backend.notifier.count());
  }

  private void warnLeftOut() {
    String leftOut = window.leftOut();
    if (!leftOut.isEmpty()) {
      Diagnostics.of(spec).warning(leftOut);
    }
  }

  /** What a replay prints after its events. */
  record ReplayResult(
      DryRunRuleGroup rendered,
      List<String> errors,
      List<BlocklistEntry> blocklist,
      List<SlackMessage> messages,
      long messageCount) {}
}
