package io.guardwall.cli;

import io.guardwall.aws.EnforcementPoints;
import java.util.List;
import picocli.CommandLine.Option;

/** Which store, firewall and notifier a command works against. */
final class BackendOptions {

  static final String DRY_RUN = "dry-run";

  @Option(
      names = "--store",
      paramLabel = "sqlite:FILE|dynamodb:TABLE[,NOTIFICATIONS_TABLE]",
      description =
          "Desired-state store (default: sqlite:$GUARDWALL_STATE or sqlite:.guardwall/state.db).")
  String store;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = "Shorthand for --store sqlite:FILE.")
  String stateFile;

  @Option(
      names = "--firewall",
      paramLabel = "SPEC",
      description =
          "Target to write: dry-run (default), a Network Firewall stateless rule group ARN;"
              + " for reconcile and status also prefix lists (pl-ID[,pl-ID], or their ARNs) or WAF"
              + " IP sets (IPSET_ARN[,IPSET_ARN]). Repeatable on reconcile and status, which then"
              + " report per target; the other commands refuse several targets (exit 2).")
  List<String> firewalls;

  @Option(
      names = "--notify",
      paramLabel = "print|webhook:URL|secret:NAME",
      description =
          "Where Slack messages go: printed, posted to a webhook, or to the webhook stored in a"
              + " Secrets Manager secret (default: webhook:$SLACK_WEBHOOK_URL when set, else"
              + " print).")
  String notify;

  /** The targets named, dry-run when none. */
  List<String> firewalls() {
    return firewalls == null || firewalls.isEmpty() ? List.of(DRY_RUN) : List.copyOf(firewalls);
  }

  /**
   * Whether the targets need the per-target path: several of them, or a kind only it writes
   * (today's single rule group or dry run keeps its own output).
   */
  boolean severalTargets() {
    List<String> specs = firewalls();
    return specs.size() > 1 || EnforcementPoints.isTargetOnly(specs.get(0));
  }

  /** The one target of the commands that take one. */
  String firewall() {
    return firewalls().get(0);
  }

  /** The store spec, defaulting from --state and the environment. */
  String storeSpec(java.util.Map<String, String> env) {
    if (store != null && stateFile != null) {
      throw new UsageException("give --store or --state, not both");
    }
    if (store != null) {
      return store;
    }
    if (stateFile != null) {
      return "sqlite:" + stateFile;
    }
    return "sqlite:" + env.getOrDefault("GUARDWALL_STATE", ".guardwall/state.db");
  }
}
