package io.guardwall.cli;

import io.guardwall.core.flow.Maintenance;
import picocli.CommandLine.Command;

/** {@code guardwall reconcile}: the maintenance run, prune then render to every target. */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = {
      "Deletes expired entries, then renders the whole desired state to every --firewall target"
          + " (dry run locally), one after the other, and reports per target.",
      "Exit 1 when entries are left out for room or refused by the safety rule, or when a target"
          + " failed (named on stderr; the others still converge)."
    })
final class ReconcileCommand extends StateCommand {

  @Override
  int call(Backend backend, Output out) {
    Maintenance maintenance = backend.guardwall.maintain();
    spec.commandLine()
        .getErr()
        .printf("pruned %d expired entries%n", maintenance.pruned().size())
        .flush();
    // Entries that are desired but not enforced need an operator: say so in the exit status.
    return perTarget(
        maintenance.reconcile(), out, true, t -> t.evicted().isEmpty() && t.refused().isEmpty());
  }
}
