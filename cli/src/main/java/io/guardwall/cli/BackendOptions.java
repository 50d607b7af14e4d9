package io.guardwall.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
          "Target to write, repeatable (each once): dry-run (default), a Network Firewall"
              + " stateless rule group ARN, prefix lists (pl-ID[,pl-ID], or their ARNs) or WAF IP"
              + " sets (IPSET_ARN[,IPSET_ARN]). One desired state is rendered to every target.")
  List<String> firewalls;

  @Option(
      names = "--notify",
      paramLabel = "print|webhook:URL|secret:NAME",
      description =
          "Where Slack messages go: printed, posted to a webhook, or to the webhook stored in a"
              + " Secrets Manager secret (default: webhook:$SLACK_WEBHOOK_URL when set, else"
              + " print).")
  String notify;

  /**
   * The targets named, in order, dry-run when none.
   *
   * @throws UsageException when a SPEC is given twice
   */
  List<String> firewalls() {
    if (firewalls == null || firewalls.isEmpty()) {
      return List.of(DRY_RUN);
    }
    Set<String> seen = new HashSet<>();
    for (String spec : firewalls) {
      if (!seen.add(spec.strip())) {
        throw new UsageException("--firewall " + spec + " is given twice: name each target once");
      }
    }
    return List.copyOf(firewalls);
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
