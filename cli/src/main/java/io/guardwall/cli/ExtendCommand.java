package io.guardwall.cli;

import io.guardwall.core.config.Durations;
import io.guardwall.core.flow.ActionOutcome;
import io.guardwall.core.flow.Actions;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.Cidr;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code guardwall extend}: moves an entry's expiry later. */
@Command(
    name = "extend",
    mixinStandardHelpOptions = true,
    description = {
      "Moves a blocklist entry's expiry later (from now if it is past), then renders the rule"
          + " group (dry run).",
      "Refused (exit 1) for a pinned or missing entry. Recorded in the audit trail."
    })
final class ExtendCommand extends ActionCommand {

  @Option(
      names = "--for",
      paramLabel = "DURATION",
      description =
          "How much later, as ISO-8601 (PT24H, P7D), at most P3650D; default: the configured"
              + " extendBy (PT24H).")
  Duration duration;

  @Override
  void validate() {
    super.validate();
    if (duration != null) {
      Cli.duration(duration, "--for", Durations.MAX);
    }
  }

  @Override
  ActionOutcome act(Actions actions, Actor actor, Cidr target) {
    return actions.extend(actor, target, duration, reason);
  }
}
