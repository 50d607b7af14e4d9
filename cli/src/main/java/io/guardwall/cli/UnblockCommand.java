package io.guardwall.cli;

import io.guardwall.core.flow.ActionOutcome;
import io.guardwall.core.flow.Actions;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.Cidr;
import picocli.CommandLine.Command;

/** {@code guardwall unblock}: removes an entry, pinned or not. */
@Command(
    name = "unblock",
    mixinStandardHelpOptions = true,
    description = {
      "Removes a CIDR from the blocklist, then renders the rule group (dry run).",
      "Exit 1 when there is no such entry; entries that still cover the address are named.",
      "Recorded in the audit trail (see history)."
    })
final class UnblockCommand extends ActionCommand {

  @Override
  ActionOutcome act(Actions actions, Actor actor, Cidr target) {
    return actions.unblock(actor, target, reason);
  }

  @Override
  String text(ActionOutcome outcome) {
    return outcome.done() ? "unblocked " + outcome.record().cidr() : outcome.message();
  }
}
