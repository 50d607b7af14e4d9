package io.guardwall.core.port;

import java.util.Objects;

/**
 * What every {@link StateBackend} does alike: it builds its two stores once, when it opens, and
 * hands out the same ones on every call. An adapter extends this and adds how it opens and closes.
 * Thread-safe.
 */
public abstract class AbstractStateBackend implements StateBackend {
  private final BlocklistStore blocklist;
  private final NotificationLog notifications;

  protected AbstractStateBackend(BlocklistStore blocklist, NotificationLog notifications) {
    this.blocklist = Objects.requireNonNull(blocklist, "blocklist");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
  }

  @Override
  public final BlocklistStore blocklist() {
    return blocklist;
  }

  @Override
  public final NotificationLog notifications() {
    return notifications;
  }
}
