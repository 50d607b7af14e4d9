package io.guardwall.cli;

import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.local.DryRunFirewall;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.slack.DigestingNotifier;
import io.guardwall.slack.SlackWebhookNotifier;
import io.guardwall.slack.UndeliveredException;
import io.guardwall.sqlite.SqliteState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The local wiring: SQLite state (a file, or memory when none is given), the dry-run firewall, and
 * a notifier that records payloads and posts them when {@code SLACK_WEBHOOK_URL} is set.
 */
final class LocalBackend implements AutoCloseable {

  static final String WEBHOOK_ENV = "SLACK_WEBHOOK_URL";

  final SqliteState state;
  final DryRunFirewall firewall;
  final RecordingNotifier notifier;
  final Guardwall guardwall;
  private final DigestingNotifier webhook;

  LocalBackend(GuardwallConfig config, Path stateFile, Map<String, String> env, Clock clock) {
    this.state = stateFile == null ? SqliteState.inMemory() : SqliteState.open(stateFile);
    this.firewall = new DryRunFirewall(config.firewall().capacity());
    this.webhook = webhook(env);
    this.notifier = new RecordingNotifier(webhook);
    this.guardwall =
        new Guardwall(
            config,
            new Guardwall.Ports(state.blocklist(), state.notifications(), firewall, notifier),
            clock,
            RetryPolicy.immediate(3));
  }

  private static DigestingNotifier webhook(Map<String, String> env) {
    String url = env.get(WEBHOOK_ENV);
    return url == null || url.isBlank()
        ? null
        : DigestingNotifier.start(SlackWebhookNotifier.create(url));
  }

  /** Waits until every queued Slack message was posted; returns what could not be delivered. */
  List<String> deliver() {
    if (webhook == null) {
      return List.of();
    }
    try {
      webhook.flush();
      return List.of();
    } catch (UndeliveredException e) {
      return List.of(e.messages().size() + " Slack messages not delivered: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      deliver();
      if (webhook != null) {
        webhook.close();
      }
    } finally {
      state.close();
    }
  }
}
