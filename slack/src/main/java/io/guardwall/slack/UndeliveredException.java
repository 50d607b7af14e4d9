package io.guardwall.slack;

import io.guardwall.core.port.NotifyException;
import io.guardwall.core.slack.SlackMessage;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Queued Slack messages that finally failed: {@link #messages} lists them, the message says why and
 * each distinct failure is attached as a suppressed exception. Immutable once thrown.
 */
public final class UndeliveredException extends NotifyException {

  private static final long serialVersionUID = 1L;
  private final transient List<SlackMessage> messages;

  UndeliveredException(List<Undelivered> failures) {
    super(describe(failures), null);
    this.messages = failures.stream().map(Undelivered::message).toList();
    IdentityHashMap<NotifyException, Boolean> causes = new IdentityHashMap<>();
    failures.forEach(f -> causes.put(f.cause(), true));
    causes.keySet().forEach(this::addSuppressed);
  }

  /** The messages that were not delivered, in the order they failed. */
  public List<SlackMessage> messages() {
    return messages;
  }

  private static String describe(List<Undelivered> failures) {
    Set<String> reasons = new LinkedHashSet<>();
    failures.forEach(f -> reasons.add(f.cause().getMessage()));
    int n = failures.size();
    return n
        + (n == 1 ? " Slack message was" : " Slack messages were")
        + " not delivered: "
        + String.join("; ", reasons);
  }
}
