package io.guardwall.core.local;

import io.guardwall.core.port.Notifier;
import io.guardwall.core.slack.SlackMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every message sent, then hands it to the next notifier if there is one; so a dry run can
 * show the payloads it would post. Thread-safe.
 */
public final class RecordingNotifier implements Notifier {

  private final Notifier next;
  private final List<SlackMessage> sent = new ArrayList<>();

  /** Records and forwards to {@code next}; null records only. */
  public RecordingNotifier(Notifier next) {
    this.next = next;
  }

  @Override
  public void send(SlackMessage message) {
    record(message);
    if (next != null) {
      next.send(message);
    }
  }

  @Override
  public void deliver(SlackMessage message) {
    record(message);
    if (next != null) {
      next.deliver(message);
    }
  }

  private synchronized void record(SlackMessage message) {
    sent.add(message);
  }

  public synchronized List<SlackMessage> messages() {
    return List.copyOf(sent);
  }
}
