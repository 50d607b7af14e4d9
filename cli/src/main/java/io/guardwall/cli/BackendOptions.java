package io.guardwall.cli;

import picocli.CommandLine.Option;

/** Which store, firewall and notifier a command works against. */
final class BackendOptions {

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
      paramLabel = "dry-run|RULE_GROUP_ARN",
      defaultValue = "dry-run",
      description = "Network Firewall stateless rule group to write, or dry-run (default).")
  String firewall;

  @Option(
      names = "--notify",
      paramLabel = "print|webhook:URL|secret:NAME",
      description =
          "Where Slack messages go: printed, posted to a webhook, or to the webhook stored in a"
              + " Secrets Manager secret (default: webhook:$SLACK_WEBHOOK_URL when set, else"
              + " print).")
  String notify;

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
