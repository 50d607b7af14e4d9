package io.guardwall.lambda;

import io.guardwall.aws.DynamoDbState;
import io.guardwall.aws.EnforcementPoints;
import io.guardwall.aws.RuleGroupLayout;
import io.guardwall.aws.SecretsManagerSecret;
import io.guardwall.aws.SecretsManagerWebhookSource;
import io.guardwall.aws.SqsMessageQueue;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.port.AllowListStore;
import io.guardwall.core.port.AuditTrail;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.slack.interact.InteractionReader;
import io.guardwall.slack.interact.Permissions;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Builds a function's ports from its environment, once per container (before the SnapStart
 * snapshot); a port the function has no permission for is {@link Unavailable}. Not thread-safe: use
 * from a handler's constructor.
 */
final class Wiring {

  private final Function<String, String> env;
  private final String function;
  private @Nullable DynamoDbState state;

  Wiring(Function<String, String> env, String function) {
    this.env = env;
    this.function = function;
  }

  static Wiring fromEnvironment(Class<?> handler) {
    return new Wiring(System::getenv, handler.getSimpleName());
  }

  GuardwallConfig config() {
    return Env.config(env);
  }

  BlocklistStore store() {
    return state().blocklist();
  }

  NotificationLog notifications() {
    return state().notifications();
  }

  /**
   * The enforcement points {@link Env#TARGETS} names, in order, or the rule group of {@link
   * Env#RULE_GROUP_ARN} when it is not set.
   *
   * @throws IllegalStateException naming the variable when neither is set, a SPEC names no target
   *     or a SPEC is given twice
   */
  List<EnforcementPoint> targets() {
    RuleGroupLayout layout = RuleGroupLayout.of(config().firewall());
    return specs().stream().map(spec -> open(spec, layout)).toList();
  }

  /** The SPECs of the targets, each once. */
  List<String> specs() {
    String targets = env.apply(Env.TARGETS);
    if (targets == null || targets.isBlank()) {
      return List.of(Env.required(env, Env.RULE_GROUP_ARN).strip());
    }
    List<String> specs = Arrays.stream(targets.strip().split("\\s+")).toList();
    Set<String> seen = new HashSet<>();
    for (String spec : specs) {
      if (!seen.add(spec)) {
        throw new IllegalStateException(
            "environment variable " + Env.TARGETS + " names " + spec + " twice");
      }
    }
    return specs;
  }

  private static EnforcementPoint open(String spec, RuleGroupLayout layout) {
    try {
      return EnforcementPoints.open(spec, layout);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "environment variable " + Env.TARGETS + ": " + e.getMessage(), e);
    }
  }

  /** The targets of a function that writes none: a stand-in any call to which is an error. */
  List<EnforcementPoint> noTargets() {
    return List.of(none(EnforcementPoint.class));
  }

  Notifier notifier() {
    SecretsManagerWebhookSource source =
        SecretsManagerWebhookSource.create(Env.required(env, Env.SLACK_SECRET));
    return SecretNotifier.of(source::webhookUrl);
  }

  <T> T none(Class<T> port) {
    return Unavailable.port(port, function);
  }

  /** The dynamic allow-list, read once per batch, in the blocklist's table. */
  AllowListStore allowList() {
    return state().allowList();
  }

  /** The audit trail, in the blocklist's table. */
  AuditTrail audit() {
    return state().audit();
  }

  /**
   * The flows over the given ports; the allow-list and the audit trail are the table's when the
   * function may read the blocklist (only the queue function performs actions, and only the
   * interactive stack grants it the audit writes).
   */
  Guardwall guardwall(
      BlocklistStore store,
      NotificationLog notifications,
      List<EnforcementPoint> targets,
      Notifier notifier) {
    boolean reads = !Unavailable.isProxy(store);
    return guardwall(
        new Guardwall.Ports(
            store,
            notifications,
            targets,
            notifier,
            reads ? allowList() : none(AllowListStore.class),
            reads ? audit() : none(AuditTrail.class)));
  }

  /** The flows over {@code ports}; digests carry action menus when {@link Env#SLACK_BUTTONS}. */
  Guardwall guardwall(Guardwall.Ports ports) {
    return new Guardwall(
        config(),
        ports,
        Clock.systemUTC(),
        RetryPolicy.defaults(),
        Env.flag(env, Env.SLACK_BUTTONS));
  }

  /** The interaction endpoint's ports, replying through {@code replier}. */
  InteractionHandler.Ports interactionPorts(Replier replier) {
    SecretsManagerSecret secret =
        SecretsManagerSecret.create(Env.required(env, Env.SLACK_SIGNING_SECRET));
    SqsMessageQueue queue = SqsMessageQueue.create(Env.required(env, Env.EVENT_QUEUE_URL));
    return new InteractionHandler.Ports(
        secret::read,
        state().replayGuard(),
        Clock.systemUTC(),
        new InteractionReader(InteractionReader.SLACK_RESPONSE_URLS),
        new Permissions(Env.list(env, Env.SLACK_USERS), Env.list(env, Env.SLACK_CHANNELS)),
        queue::send,
        replier);
  }

  private DynamoDbState state() {
    if (state == null) {
      state =
          DynamoDbState.create(
              Env.required(env, Env.TABLE), Env.required(env, Env.NOTIFICATIONS_TABLE));
    }
    return state;
  }
}
