package io.guardwall.cli;

import io.guardwall.core.flow.ActionOutcome;
import io.guardwall.core.flow.Actions;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.Cidr;
import picocli.CommandLine.Command;

/** {@code guardwall pin}: makes an entry never expire. */
@Command(
    name = "pin",
    mixinStandardHelpOptions = true,
    description = {
      "Makes a blocklist entry never expire (only unblock removes it), then renders the rule"
          + " group (dry run).",
      "Refused (exit 1) for a missing or already pinned entry. Recorded in the audit trail."
    })
final class PinCommand extends ActionCommand {

  @Override
  ActionOutcome act(Actions actions, Actor actor, Cidr target) {
    return actions.pin(actor, target, reason);
  }
}
