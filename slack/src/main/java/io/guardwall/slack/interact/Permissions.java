package io.guardwall.slack.interact;

import java.util.Set;

/**
 * Who may act from Slack: the Slack user ids and the channel ids configured; both must match, and
 * an empty list lets nobody in. Immutable.
 */
public record Permissions(Set<String> users, Set<String> channels) {

  public Permissions {
    users = Set.copyOf(users);
    channels = Set.copyOf(channels);
  }

  /** Whether {@code interaction}'s user may act, in its channel. */
  public boolean allow(Interaction interaction) {
    return users.contains(interaction.userId()) && channels.contains(interaction.channelId());
  }
}
