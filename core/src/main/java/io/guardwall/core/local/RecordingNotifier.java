package io.guardwall.core.local;

import io.guardwall.core.port.Notifier;
import io.guardwall.core.slack.SlackMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every message sent (or, {@linkplain #counting counting}, only how many), then hands it to
 * the next notifier if there is one; so a dry run can show the payloads it would post. Thread-safe.
 */
public final class RecordingNotifier implements Notifier {

  private final Notifier next;
  private final boolean keep;
  private final List<SlackMessage> sent = new ArrayList<>();
  private long count;

  /** Records and forwards to {@code next}; null records only. */
  public RecordingNotifier(Notifier next) {
    this(next, true);
  }

  private RecordingNotifier(Notifier next, boolean keep) {
    this.next = next;
    this.keep = keep;
  }

  /**
   * Counts and forwards to {@code next} (null: counts only), keeping no message: for a long run
   * that never shows them, whose memory must not grow with its alerts.
   */
  public static RecordingNotifier counting(Notifier next) {
    return new RecordingNotifier(next, false);
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
    count++;
    if (keep) {
      sent.add(message);
    }
  }

  /** The messages kept: every one sent, or none when {@linkplain #counting counting}. */
  public synchronized List<SlackMessage> messages() {
    return List.copyOf(sent);
  }

  /** How many messages were sent. */
  public synchronized long count() {
    return count;
  }
}
