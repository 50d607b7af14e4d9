package io.guardwall.infra;

import io.guardwall.core.text.Excerpt;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether the Slack interaction endpoint (the buttons' receiver) is deployed, and who may act from
 * Slack, where; immutable and thread-safe.
 *
 * @param enabled context {@code slackInteractive}
 * @param users context {@code slackUsers}: Slack user ids ({@code U…} or {@code W…})
 * @param channels context {@code slackChannels}: channel ids ({@code C…} or {@code G…})
 */
public record SlackInteractivity(boolean enabled, List<String> users, List<String> channels) {

  private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,20}");
  private static final Pattern CHANNEL = Pattern.compile("[CG][A-Z0-9]{2,20}");

  /**
   * @throws IllegalArgumentException naming the context key of the bad value
   */
  public SlackInteractivity {
    users = List.copyOf(users);
    channels = List.copyOf(channels);
    requireIds(users, USER, "slackUsers");
    requireIds(channels, CHANNEL, "slackChannels");
    if (enabled && users.isEmpty()) {
      throw new IllegalArgumentException(
          "slackInteractive is true but slackUsers is empty: nobody could act; give user ids");
    }
  }

  /** No endpoint, no buttons: the default. */
  public static SlackInteractivity off() {
    return new SlackInteractivity(false, List.of(), List.of());
  }

  private static void requireIds(List<String> ids, Pattern pattern, String key) {
    for (String id : ids) {
      if (!pattern.matcher(id).matches()) {
        throw new IllegalArgumentException(
            key + " must be ids matching " + pattern.pattern() + ": " + Excerpt.of(id));
      }
    }
  }
}
