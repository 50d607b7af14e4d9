package io.guardwall.core.model;

import io.guardwall.core.text.Excerpt;
import java.util.Objects;

/**
 * Who took an action: a Slack user (id and display name) or the operating-system user of the CLI;
 * immutable. The name may be chosen by anyone with a Slack account, so it is stored as given and
 * always printed inert.
 *
 * @param source where the action came from
 * @param id the Slack user id, or the OS user name
 * @param name the display name (the OS user name again for the CLI)
 */
public record Actor(Source source, String id, String name) {

  /** The longest id or name kept: longer text is a mistake or an attack, not a user. */
  public static final int MAX_LENGTH = 200;

  /** Where an action came from. */
  public enum Source {
    CLI,
    SLACK
  }

  public Actor {
    Objects.requireNonNull(source, "source");
    id = checked(id, "actor id");
    name = checked(name, "actor name");
  }

  /** The operating-system user running the CLI. */
  public static Actor osUser(String user) {
    return new Actor(Source.CLI, user, user);
  }

  /** A Slack user, by id ({@code U012AB3CD}) and display name. */
  public static Actor slackUser(String id, String name) {
    return new Actor(Source.SLACK, id, name);
  }

  private static String checked(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          what + " must be 1 to " + MAX_LENGTH + " characters: " + Excerpt.quoted(value));
    }
    return value;
  }

  /** The name, and the id when it differs: {@code alice (U012AB3CD)}. */
  public String describe() {
    return id.equals(name) ? name : name + " (" + id + ")";
  }
}
