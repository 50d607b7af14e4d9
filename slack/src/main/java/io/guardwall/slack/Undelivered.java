package io.guardwall.slack;

import io.guardwall.core.port.NotifyException;
import io.guardwall.core.slack.SlackMessage;

/** A queued message that finally failed, and why. Immutable. */
record Undelivered(SlackMessage message, NotifyException cause) {}
