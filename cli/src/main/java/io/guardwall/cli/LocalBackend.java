package io.guardwall.cli;

import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.local.DryRunFirewall;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.slack.SlackWebhookNotifier;
import io.guardwall.sqlite.SqliteState;
import java.nio.file.Path;
import java.time.Clock;
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

  LocalBackend(GuardwallConfig config, Path stateFile, Map<String, String> env, Clock clock) {
    this.state = stateFile == null ? SqliteState.inMemory() : SqliteState.open(stateFile);
    this.firewall = new DryRunFirewall(config.firewall().capacity());
    this.notifier = new RecordingNotifier(webhook(env));
    this.guardwall =
        new Guardwall(
            config,
            new Guardwall.Ports(state.blocklist(), state.notifications(), firewall, notifier),
            clock,
            RetryPolicy.immediate(3));
  }

  private static Notifier webhook(Map<String, String> env) {
    String url = env.get(WEBHOOK_ENV);
    return url == null || url.isBlank() ? null : SlackWebhookNotifier.create(url);
  }

  @Override
  public void close() {
    state.close();
  }
}
