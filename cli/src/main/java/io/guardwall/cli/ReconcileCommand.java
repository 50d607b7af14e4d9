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
      "Exit 1 when entries are left out for capacity or refused by the safety rule.",
      "Given several --firewall (or prefix lists, WAF IP sets), reconciles each target in turn and"
          + " reports per target; exit 1 also when a target failed (named on stderr)."
    })
final class ReconcileCommand extends StateCommand {

  @Override
  boolean takesSeveralTargets() {
    return true;
  }

  @Override
  int call(Backend backend, Output out) {
    if (backendOptions.severalTargets()) {
      pruned(backend.guardwall.prune().size());
      return acrossTargets(backend, out, true, t -> t.evicted().isEmpty() && t.refused().isEmpty());
    }
    Maintenance maintenance = backend.guardwall.maintain();
    pruned(maintenance.pruned().size());
    ReconcileResult r = report(backend, maintenance.reconcile());
    out.document(ReportJson.reconcile(r), InertJson.pretty(r.plan().ruleGroup()));
    // Entries that are desired but not enforced need an operator: say so in the exit status.
    return r.plan().evicted().isEmpty() && r.plan().refused().isEmpty() ? 0 : 1;
  }

  private void pruned(int count) {
    spec.commandLine().getErr().printf("pruned %d expired entries%n", count);
  }
}
