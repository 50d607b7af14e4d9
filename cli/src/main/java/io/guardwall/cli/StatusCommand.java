package io.guardwall.cli;

import picocli.CommandLine.Command;

/** {@code guardwall status}: desired state against every target, without writing. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Compares the desired state with every --firewall target and reports per target: whether"
          + " it is in sync, CIDRs blocked and room, entries missing, extra addresses, entries"
          + " left out for room, entries the safety rule refuses.",
      "Exit status 1 when a target is out of sync (a reconcile would change it) or cannot be read"
          + " (named on stderr), or when stored entries break the safety rule."
    })
final class StatusCommand extends StateCommand {

  @Override
  int call(Backend backend, Output out) {
    return perTarget(
        backend.guardwall.status(), out, false, t -> t.inSync() && t.refused().isEmpty());
  }
}
