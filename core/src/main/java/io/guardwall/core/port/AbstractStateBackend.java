package io.guardwall.core.port;

import java.util.Objects;

/**
 * What every {@link StateBackend} does alike: it builds its stores once, when it opens, and hands
 * out the same ones on every call. An adapter extends this and adds how it opens and closes.
 * Thread-safe.
 */
public abstract class AbstractStateBackend implements StateBackend {
  private final BlocklistStore blocklist;
  private final NotificationLog notifications;
  private final AllowListStore allowList;
  private final AuditTrail audit;

  protected AbstractStateBackend(
      BlocklistStore blocklist,
      NotificationLog notifications,
      AllowListStore allowList,
      AuditTrail audit) {
    this.blocklist = Objects.requireNonNull(blocklist, "blocklist");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
    this.allowList = Objects.requireNonNull(allowList, "allowList");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public final BlocklistStore blocklist() {
    return blocklist;
  }

  @Override
  public final NotificationLog notifications() {
    return notifications;
  }

  @Override
  public final AllowListStore allowList() {
    return allowList;
  }

  @Override
  public final AuditTrail audit() {
    return audit;
  }
}
