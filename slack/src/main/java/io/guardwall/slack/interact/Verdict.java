package io.guardwall.slack.interact;

/** What checking a request's signature found: accepted, or why it is refused. */
public enum Verdict {
  ACCEPTED("accepted"),
  MISSING_HEADERS("the X-Slack-Signature or X-Slack-Request-Timestamp header is missing"),
  MALFORMED_TIMESTAMP("X-Slack-Request-Timestamp is not a whole number of seconds"),
  STALE("X-Slack-Request-Timestamp is more than 5 minutes away from now"),
  BAD_SIGNATURE("X-Slack-Signature does not match the body"),
  REPLAYED("this signed request was already honoured");

  private final String reason;

  Verdict(String reason) {
    this.reason = reason;
  }

  /** Why, in one sentence fit for a log line. */
  public String reason() {
    return reason;
  }
}
