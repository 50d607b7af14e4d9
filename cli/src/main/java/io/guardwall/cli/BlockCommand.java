package io.guardwall.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.config.Durations;
import io.guardwall.core.flow.BlockOutcome;
import io.guardwall.core.flow.ReportJson;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.model.UpsertResult;
import io.guardwall.core.reconcile.TargetReport;
import io.guardwall.core.reconcile.TargetsResult;
import io.guardwall.core.text.InertText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guardwall block}: a manual block, pinned or for a while. */
@Command(
    name = "block",
    mixinStandardHelpOptions = true,
    description = {
      "Blocks a CIDR or address by hand, then renders the desired state to every --firewall"
          + " target (dry run locally).",
      "Refused (exit 1) when the CIDR is non-public, allow-listed or wider than maxBlockWidth;"
          + " exit 1 too when it was recorded but a target's room leaves it out, or a target"
          + " failed (each named)."
    })
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
    BlockOutcome outcome =
        backend.guardwall.block(BlockRequest.manual(target, now, now.plus(d), severity, pin));
    if (outcome instanceof BlockOutcome.Refused refused) {
      out.message(
          "refused",
          ReportJson.violation(refused.violation()),
          "refused: " + refused.violation().message());
      return 1;
    }
    return report(((BlockOutcome.Recorded) outcome).upsert(), backend, out);
  }

  private int report(UpsertResult upsert, Backend backend, Output out) {
    TargetsResult r = reconcile(backend);
    BlocklistEntry entry = upsert.entry();
    List<String> leftOutOf =
        r.targets().stream()
            .filter(t -> t.evicted().stream().anyMatch(e -> e.cidr().equals(entry.cidr())))
            .map(TargetReport::name)
            .toList();
    List<String> failed = r.failures().stream().map(TargetReport::name).toList();
    ObjectNode doc = Jackson.objectNode();
    doc.set("entry", ReportJson.entry(entry));
    doc.put("inFirewall", leftOutOf.isEmpty() && failed.isEmpty());
    leftOutOf.forEach(doc.putArray("leftOutOf")::add);
    failed.forEach(doc.putArray("failedTargets")::add);
    out.document(doc, InertText.of(text(upsert, leftOutOf, failed)));
    return leftOutOf.isEmpty() && failed.isEmpty() ? 0 : 1;
  }

  private static String text(UpsertResult upsert, List<String> leftOutOf, List<String> failed) {
    BlocklistEntry entry = upsert.entry();
    String until = entry.pinned() ? " (pinned)" : " until " + entry.expiresAt();
    if (leftOutOf.isEmpty() && failed.isEmpty()) {
      return (upsert.created() ? "blocked " : "refreshed ") + entry.cidr() + until;
    }
    StringBuilder s = new StringBuilder("recorded " + entry.cidr() + until);
    if (!leftOutOf.isEmpty()) {
      s.append(", but NOT in ")
          .append(String.join(", ", leftOutOf))
          .append(
              ": its room leaves it out (lowest severity and oldest sighting are left out"
                  + " first)");
    }
    if (!failed.isEmpty()) {
      s.append(leftOutOf.isEmpty() ? ", but " : "; ")
          .append("not written to ")
          .append(String.join(", ", failed))
          .append(", which failed (see stderr)");
    }
    return s.toString();
  }
}
