package io.guardwall.infra;

import java.util.EnumSet;
import java.util.Set;
import software.amazon.awscdk.Duration;

/** The Lambda functions of the state machines: handler, timeout and the access each needs. */
enum Task {
  RECORD(
      "Record",
      "RecordHandler",
      60,
      "Records the remote addresses of a finding event in the blocklist",
      EnumSet.of(Access.TABLE)),
  RECONCILE(
      "Reconcile",
      "ReconcileHandler",
      300,
      "Renders the blocklist into the rule group; one writer at a time",
      EnumSet.of(Access.TABLE_READ, Access.FIREWALL)),
  NOTIFY_BLOCKED(
      "NotifyBlocked",
      "NotifyBlockedHandler",
      60,
      "Posts one Slack digest of the newly blocked addresses",
      EnumSet.of(Access.SECRET)),
  NOTIFY_FINDING(
      "NotifyFinding",
      "NotifyFindingHandler",
      60,
      "Posts a finding event's findings to Slack, once per finding",
      EnumSet.of(Access.TABLE, Access.SECRET)),
  MAINTAIN(
      "Maintain",
      "MaintainHandler",
      300,
      "Deletes expired blocklist entries",
      EnumSet.of(Access.TABLE)),
  ALERT_FAILURE(
      "AlertFailure",
      "AlertFailureHandler",
      60,
      "Posts a failed execution's error, and each alarm going into or out of ALARM, to Slack",
      EnumSet.of(Access.SECRET));

  /** What a function may touch; each maps to statements scoped to one resource. */
  enum Access {
    TABLE,
    TABLE_READ,
    FIREWALL,
    SECRET
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

  String description() {
    return "guardwall: " + description;
  }

  boolean needs(Access a) {
    return access.contains(a);
  }
}
