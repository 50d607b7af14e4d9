package io.guardwall.cli;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.reconcile.ReconcileResult;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code guardwall reconcile}: the maintenance run, prune then render. */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description =
        "Deletes expired entries, then renders the whole desired state (dry run locally).")
final class ReconcileCommand extends StateCommand {

  @Override
  int call(Backend backend, Output out) {
    List<BlocklistEntry> pruned = backend.store.deleteExpired(clock.instant());
    spec.commandLine().getErr().printf("pruned %d expired entries%n", pruned.size());
    ReconcileResult r = reconcile(backend);
    out.message("ruleGroup", r.plan().ruleGroup(), r.plan().ruleGroup().toPrettyString());
    return 0;
  }
}
