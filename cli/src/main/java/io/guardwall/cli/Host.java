package io.guardwall.cli;

import io.guardwall.slack.Time;
import java.util.Map;
import java.util.Objects;

/**
 * What a command takes from the process it runs in: the environment variables and the clock that
 * Slack's one-per-second pace waits on and the progress line is throttled by; immutable.
 *
 * @param env the environment (SLACK_WEBHOOK_URL, GUARDWALL_STATE, GUARDWALL_STDERR_TTY)
 * @param slackTime the clock the webhook's pace and retries wait on, and progress is timed by
 */
record Host(Map<String, String> env, Time slackTime) {

  /** Copies {@code env} and checks both parts are present. */
  Host {
    env = Map.copyOf(env);
    Objects.requireNonNull(slackTime, "slackTime");
  }

  /** The real process: its environment and the real clock. */
  static Host of(Map<String, String> env) {
    return new Host(env, Time.SYSTEM);
  }
}
