package io.guardwall.cli;

import io.guardwall.core.config.Durations;
import io.guardwall.core.flow.ReportJson;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.model.UpsertResult;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guardwall block}: a manual block, pinned or for a while. */
@Command(
    name = "block",
    mixinStandardHelpOptions = true,
    description = "Blocks a CIDR or address by hand, then renders the rule group (dry run).")
final class BlockCommand extends StateCommand {

  @Parameters(paramLabel = "CIDR", description = "Address or CIDR, IPv4 or IPv6.")
  String cidr;

  @Option(
      names = "--for",
      paramLabel = "DURATION",
      description =
          "How long, as ISO-8601 (PT6H, P7D), at most P3650D; default: the configured block"
              + " duration.")
  Duration duration;

  @Option(names = "--pin", description = "Never expires; only unblock removes it.")
  boolean pin;

  @Option(
      names = "--severity",
      defaultValue = "HIGH",
      description = "Severity recorded with the block (default: ${DEFAULT-VALUE}).")
  SeverityLevel severity;

  @Override
  void validate() {
    if (pin && duration != null) {
      throw new UsageException("give --pin or --for, not both");
    }
    if (duration != null) {
      Cli.duration(duration, "--for", Durations.MAX);
    }
  }

  @Override
  int call(Backend backend, Output out) {
    Cidr target = Cli.cidr(cidr);
    Instant now = clock.instant();
    Duration d = duration != null ? duration : backend.guardwall.config().blockDuration();
    UpsertResult r =
        backend.store.upsert(BlockRequest.manual(target, now, now.plus(d), severity, pin));
    reconcile(backend);
    out.message(
        "entry",
        ReportJson.entry(r.entry()),
        (r.created() ? "blocked " : "refreshed ")
            + r.entry().cidr()
            + (r.entry().pinned() ? " (pinned)" : " until " + r.entry().expiresAt()));
    return 0;
  }
}
