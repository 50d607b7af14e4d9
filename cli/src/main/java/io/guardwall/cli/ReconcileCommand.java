package io.guardwall.cli;

import io.guardwall.core.flow.Maintenance;
import io.guardwall.core.flow.ReportJson;
import io.guardwall.core.reconcile.ReconcileResult;
import picocli.CommandLine.Command;

/** {@code guardwall reconcile}: the maintenance run, prune then render. */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = {
      "Deletes expired entries, then renders the whole desired state (dry run locally).",
      "Exit 1 when entries are left out for capacity or refused by the safety rule."
    })
final class ReconcileCommand extends StateCommand {

  @Override
  int call(Backend backend, Output out) {
    Maintenance maintenance = backend.guardwall.maintain();
    spec.commandLine().getErr().printf("pruned %d expired entries%n", maintenance.pruned().size());
    ReconcileResult r = report(backend, maintenance.reconcile());
    out.document(ReportJson.reconcile(r), InertJson.pretty(r.plan().ruleGroup()));
    // Entries that are desired but not enforced need an operator: say so in the exit status.
    return r.plan().evicted().isEmpty() && r.plan().refused().isEmpty() ? 0 : 1;
  }
}
