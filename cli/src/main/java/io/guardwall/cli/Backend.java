package io.guardwall.cli;

import io.guardwall.aws.DynamoDbState;
import io.guardwall.aws.EnforcementPoints;
import io.guardwall.aws.RuleGroupLayout;
import io.guardwall.aws.SecretsManagerWebhookSource;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.flow.Run;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.plan.StatelessCapacity;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.StateBackend;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.slack.DigestingNotifier;
import io.guardwall.slack.SlackWebhookNotifier;
import io.guardwall.slack.Time;
import io.guardwall.slack.UndeliveredException;
import io.guardwall.slack.WebhookRetry;
import io.guardwall.sqlite.SqliteState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The adapters a command runs against, chosen by spec strings ({@code sqlite:FILE}, {@code
 * dynamodb:TABLE}; one or more targets: {@code dry-run}, a rule group ARN, prefix lists, WAF IP
 * sets; {@code print}, {@code webhook:URL}, {@code secret:NAME}), wired into one {@link Guardwall}.
 * Closing it delivers queued Slack messages.
 */
final class Backend implements AutoCloseable {

  static final String WEBHOOK_ENV = "SLACK_WEBHOOK_URL";

  final BlocklistStore store;
  final NotificationLog notifications;
  final List<EnforcementPoint> targets;
  final RecordingNotifier notifier;
  final Guardwall guardwall;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final DigestingNotifier webhook;
  private final StateBackend state;
  // Whether a dry-run target lives in memory only: runs then start from the stored blocklist.
  private boolean forgetfulDryRun;

  Backend(
      GuardwallConfig config,
      String storeSpec,
      List<String> targetSpecs,
      String notifySpec,
      Clock clock,
      Time slackTime,
      Consumer<String> warnings,
      boolean keepMessages) {
    this.state = openState(storeSpec, warnings);
    resources.add(state);
    this.store = state.blocklist();
    this.notifications = state.notifications();
    this.targets = targetSpecs.stream().map(spec -> target(config, spec)).toList();
    boolean dryRun = targetSpecs.stream().allMatch(BackendOptions.DRY_RUN::equals);
    this.webhook = webhook(notifySpec, slackTime);
    this.notifier =
        keepMessages ? new RecordingNotifier(webhook) : RecordingNotifier.counting(webhook);
    this.guardwall =
        new Guardwall(
            config,
            ports(state, targets, notifier),
            clock,
            dryRun ? RetryPolicy.immediate(3) : RetryPolicy.defaults());
  }

  /** The ports; two SPECs that name one target (an id and its ARN) are a usage error. */
  private static Guardwall.Ports ports(
      StateBackend state, List<EnforcementPoint> targets, RecordingNotifier notifier) {
    try {
      return new Guardwall.Ports(
          state.blocklist(),
          state.notifications(),
          targets,
          notifier,
          state.allowList(),
          state.audit());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--firewall: " + e.getMessage());
    }
  }

  /**
   * The backend of a replay: SQLite (a file, or memory), the dry-run target, the host's webhook;
   * state warnings go to {@code warnings}. Its notifier keeps the Slack messages when {@code
   * keepMessages}, else only counts them.
   */
  static Backend dryRun(
      GuardwallConfig config,
      Path stateFile,
      Host host,
      Clock clock,
      Consumer<String> warnings,
      boolean keepMessages) {
    String store = "sqlite:" + (stateFile == null ? ":memory:" : stateFile.toString());
    return new Backend(
        config,
        store,
        List.of(BackendOptions.DRY_RUN),
        defaultNotify(host.env()),
        clock,
        host.slackTime(),
        warnings,
        keepMessages);
  }

  /** The backend the options name; state warnings go to {@code warnings}. */
  static Backend of(
      GuardwallConfig config, BackendOptions o, Host host, Clock clock, Consumer<String> warnings) {
    return new Backend(
        config,
        o.storeSpec(host.env()),
        o.firewalls(),
        o.notify != null ? o.notify : defaultNotify(host.env()),
        clock,
        host.slackTime(),
        warnings,
        false);
  }

  static String defaultNotify(Map<String, String> env) {
    String url = env.get(WEBHOOK_ENV);
    return url == null || url.isBlank() ? "print" : "webhook:" + url;
  }

  /**
   * A new run. Against a dry-run target the state does not keep (DynamoDB, memory), it starts from
   * what the stored blocklist renders to, as if earlier runs had kept a target in step: a digest
   * lists what a reconcile adds to the targets, and a target that started empty would show every
   * stored entry as added.
   */
  Run startRun() {
    if (forgetfulDryRun) {
      guardwall.reconcile();
    }
    return guardwall.startRun();
  }

  /**
   * The target {@code spec} names: dry-run is the one the state keeps (or one in memory), with the
   * room of an empty rule group of the configured capacity; the others come from {@link
   * EnforcementPoints}.
   *
   * @throws UsageException naming a SPEC that names no target
   */
  private EnforcementPoint target(GuardwallConfig config, String spec) {
    if (BackendOptions.DRY_RUN.equals(spec)) {
      CidrBudget room = StatelessCapacity.ofEmptyGroup(config.firewall().capacity());
      return state
          .dryRunTarget(room)
          .orElseGet(
              () -> {
                forgetfulDryRun = true;
                return new DryRunTarget(room);
              });
    }
    try {
      return EnforcementPoints.open(spec, RuleGroupLayout.of(config.firewall()));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--firewall: " + e.getMessage());
    }
  }

  /** Creates the DynamoDB table when it is missing (SQLite files create themselves). */
  void init() {
    state.createIfMissing();
  }

  /**
   * The state {@code storeSpec} names, its warnings going to {@code warnings}: the one place that
   * knows the backends.
   */
  private static StateBackend openState(String storeSpec, Consumer<String> warnings) {
    String[] store = split(storeSpec, "--store");
    return switch (store[0]) {
      case "sqlite" ->
          store[1].equals(":memory:")
              ? SqliteState.inMemory(warnings)
              : SqliteState.open(Path.of(store[1]), warnings);
      case "dynamodb" -> dynamoDb(store[1]);
      default ->
          throw new UsageException(
              "--store must be sqlite:FILE or dynamodb:TABLE[,NOTIFICATIONS_TABLE], got "
                  + storeSpec);
    };
  }

  /**
   * {@code TABLE} holds both stores; {@code TABLE,NOTIFICATIONS_TABLE} keeps the notification log
   * apart, as the deployed stack does, so that a reconcile's scan never reads it.
   */
  private static StateBackend dynamoDb(String tables) {
    String[] names = tables.split(",", -1);
    if (names.length > 2 || Arrays.stream(names).anyMatch(String::isBlank)) {
      throw new UsageException(
          "--store dynamodb: expects TABLE or TABLE,NOTIFICATIONS_TABLE, got " + tables);
    }
    return DynamoDbState.create(names[0], names[names.length - 1]);
  }

  private static DigestingNotifier webhook(String spec, Time time) {
    if ("print".equals(spec)) {
      return null;
    }
    String[] parts = split(spec, "--notify");
    String url =
        switch (parts[0]) {
          case "webhook" -> parts[1];
          case "secret" -> SecretsManagerWebhookSource.create(parts[1]).webhookUrl();
          default -> throw new UsageException("--notify must be print, webhook:URL or secret:NAME");
        };
    try {
      return DigestingNotifier.start(
          SlackWebhookNotifier.create(url, WebhookRetry.defaults(), time));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--notify: " + e.getMessage());
    }
  }

  private static String[] split(String spec, String option) {
    int colon = spec == null ? -1 : spec.indexOf(':');
    if (colon <= 0 || colon == spec.length() - 1) {
      throw new UsageException(option + " expects KIND:VALUE");
    }
    return new String[] {spec.substring(0, colon), spec.substring(colon + 1)};
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
      for (AutoCloseable r : resources) {
        try {
          r.close();
        } catch (Exception e) {
          // Closing a store never loses recorded state; nothing useful to do on failure.
        }
      }
    }
  }
}
