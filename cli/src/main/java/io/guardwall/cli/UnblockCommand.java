package io.guardwall.cli;

import com.fasterxml.jackson.databind.node.BooleanNode;
import io.guardwall.core.model.Cidr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code guardwall unblock}: removes an entry, pinned or not. */
@Command(
    name = "unblock",
    mixinStandardHelpOptions = true,
    description = "Removes a CIDR from the blocklist, then renders the rule group (dry run).")
final class UnblockCommand extends StateCommand {

  @Parameters(paramLabel = "CIDR", description = "Address or CIDR as listed.")
  String cidr;

  @Override
  int call(Backend backend, Output out) {
    Cidr target = Cli.cidr(cidr);
    boolean removed = backend.store.delete(target);
    reconcile(backend);
    out.message(
        "removed",
        BooleanNode.valueOf(removed),
        removed ? "unblocked " + target : "not in the blocklist: " + target);
    return removed ? 0 : 1;
  }
}
