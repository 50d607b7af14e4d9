package io.guardwall.infra;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import software.amazon.awscdk.Duration;

/**
 * The Lambda functions: the queue consumer and the maintenance state machine's tasks, with handler,
 * timeout and the access each needs.
 */
enum Task {
  QUEUE(
      "Queue",
      "QueueHandler",
      900,
      "Consumes the event queue: records a batch, reconciles once, posts the digest and alerts",
      EnumSet.of(Access.RECORD, Access.NOTIFICATIONS, Access.FIREWALL, Access.SECRET, Access.ACT)),
  RECONCILE(
      "Reconcile",
      "ReconcileHandler",
      300,
      "Renders the blocklist into the rule group (maintenance)",
      EnumSet.of(Access.SCAN, Access.FIREWALL)),
  MAINTAIN(
      "Maintain",
      "MaintainHandler",
      300,
      "Deletes expired blocklist entries",
      EnumSet.of(Access.PRUNE)),
  MAINTENANCE_DIGEST(
      "MaintenanceDigest",
      "MaintenanceDigestHandler",
      180,
      "Posts the maintenance run's digest, with the actions since the last one, to Slack",
      EnumSet.of(Access.SECRET, Access.REPORT)),
  ALERT_FAILURE(
      "AlertFailure",
      "AlertFailureHandler",
      60,
      "Posts a failed execution's error, and each alarm going into or out of ALARM, to Slack",
      EnumSet.of(Access.SECRET)),
  INTERACTION(
      "Interaction",
      "InteractionHandler",
      30,
      "Checks a Slack button's signature, sender and channel, and queues the action",
      EnumSet.of(Access.INTERACT));

  /**
   * What a function may touch, each mapped by {@link Functions} to statements scoped to one
   * resource and, for item operations, to the keys the function writes.
   */
  enum Access {
    /** Upsert blocklist entries (and re-read one a failed write returned torn), scan them. */
    RECORD,
    /** Scan the blocklist. */
    SCAN,
    /** Scan the blocklist and delete expired entries. */
    PRUNE,
    /** Claim, confirm and release notification records. */
    NOTIFICATIONS,
    FIREWALL,
    SECRET,
    /**
     * Read the audit trail (a query of its index; once per table, a scan to index older records)
     * and the mark of what the digest reported, move the mark.
     */
    REPORT,
    /** Perform Slack actions: unblock, the allow-list item, audit records (interactive only). */
    ACT,
    /** Read the signing secret, record replays, queue actions (the interaction endpoint). */
    INTERACT
  }

  static final String HANDLER_PACKAGE = "io.guardwall.lambda.";

  private final String id;
  private final String handlerClass;
  private final int timeoutSeconds;
  private final String description;

  // Set.copyOf below: unmodifiable, which the checker cannot see through the Set type.
  @SuppressWarnings("ImmutableEnumChecker")
  private final Set<Access> access;

  Task(String id, String handlerClass, int timeoutSeconds, String description, Set<Access> access) {
    this.id = id;
    this.handlerClass = handlerClass;
    this.timeoutSeconds = timeoutSeconds;
    this.description = description;
    this.access = Set.copyOf(access);
  }

  /** The tasks {@code props} deploys: the interaction endpoint only when interactive. */
  static List<Task> deployed(SlackInteractivity interactivity) {
    return Arrays.stream(values())
        .filter(t -> t != INTERACTION || interactivity.enabled())
        .toList();
  }

  /** The construct id and state name. */
  String id() {
    return id;
  }

  String handler() {
    return HANDLER_PACKAGE + handlerClass + "::handleRequest";
  }

  Duration timeout() {
    return Duration.seconds(timeoutSeconds);
  }

  int timeoutSeconds() {
    return timeoutSeconds;
  }

  String description() {
    return "guardwall: " + description;
  }

  boolean needs(Access a) {
    return access.contains(a);
  }
}
