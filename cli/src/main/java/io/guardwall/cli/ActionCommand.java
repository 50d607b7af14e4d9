package io.guardwall.cli;

import io.guardwall.core.flow.ActionOutcome;
import io.guardwall.core.flow.Actions;
import io.guardwall.core.flow.ReportJson;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Reason;
import io.guardwall.core.text.InertText;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Base of the commands that act on one CIDR as the operating-system user, through the same use
 * cases Slack calls: each is recorded in the audit trail, refused ones too (exit 1), and a done one
 * is followed by a reconcile.
 */
abstract class ActionCommand extends StateCommand {

  @Parameters(paramLabel = "CIDR", description = "Address or CIDR, IPv4 or IPv6.")
  String cidr;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Why, recorded in the audit trail (at most 500 characters).")
  String reason = "";

  @Override
  void validate() {
    try {
      Reason.checked(reason);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--reason: " + e.getMessage());
    }
  }

  @Override
  final int call(Backend backend, Output out) {
    ActionOutcome outcome = act(backend.guardwall.actions(), actor(), Cli.cidr(cidr));
    if (outcome.done()) {
      reconcile(backend);
    }
    out.document(ReportJson.action(outcome), InertText.of(text(outcome)));
    return outcome.done() ? 0 : 1;
  }

  /** Takes the action; {@code reason} is checked already. */
  abstract ActionOutcome act(Actions actions, Actor actor, Cidr target);

  /** The line a person reads. */
  String text(ActionOutcome outcome) {
    String verb = outcome.record().action().verb();
    return outcome.done()
        ? verb + " " + outcome.record().cidr() + ": " + outcome.message()
        : verb + " refused: " + outcome.message();
  }

  /** The operating-system user, as the audit trail names the CLI's actor. */
  static Actor actor() {
    String user = System.getProperty("user.name", "");
    return Actor.osUser(user.isBlank() ? "unknown" : user);
  }
}
