package io.guardwall.slack.interact;

/** An interaction request whose body is not a guardwall action Slack would send (answer 400). */
public final class MalformedInteractionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedInteractionException(String message) {
    super(message);
  }
}
