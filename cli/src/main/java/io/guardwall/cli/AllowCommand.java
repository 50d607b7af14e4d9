package io.guardwall.cli;

import io.guardwall.core.flow.ActionOutcome;
import io.guardwall.core.flow.Actions;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.Cidr;
import picocli.CommandLine.Command;

/** {@code guardwall allow}: adds a CIDR to the dynamic allow-list. */
@Command(
    name = "allow",
    mixinStandardHelpOptions = true,
    description = {
      "Adds a CIDR to the dynamic allow-list kept in the state, removes every blocklist entry"
          + " it overlaps, then renders the rule group (dry run); nothing it overlaps is blocked"
          + " again until disallow.",
      "--reason is required. Refused (exit 1) without a reason, when wider than /16 (IPv4) or"
          + " /48 (IPv6), or when already allowed. Recorded in the audit trail."
    })
final class AllowCommand extends ActionCommand {

  @Override
  ActionOutcome act(Actions actions, Actor actor, Cidr target) {
    return actions.allow(actor, target, reason);
  }
}
