package io.guardwall.cli;

import io.guardwall.core.flow.ActionOutcome;
import io.guardwall.core.flow.Actions;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.Cidr;
import picocli.CommandLine.Command;

/** {@code guardwall disallow}: removes a CIDR from the dynamic allow-list. */
@Command(
    name = "disallow",
    mixinStandardHelpOptions = true,
    description = {
      "Removes a CIDR from the dynamic allow-list; findings may block it again.",
      "Refused (exit 1) when it is not on the list. Recorded in the audit trail."
    })
final class DisallowCommand extends ActionCommand {

  @Override
  ActionOutcome act(Actions actions, Actor actor, Cidr target) {
    return actions.disallow(actor, target, reason);
  }
}
