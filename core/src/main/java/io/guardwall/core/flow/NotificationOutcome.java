package io.guardwall.core.flow;

import io.guardwall.core.model.SeverityLevel;
import java.util.Objects;

/**
 * What became of one finding's Slack alert; immutable. {@link #status} names the kind in JSON
 * reports, {@link #describe} says it for people.
 */
public sealed interface NotificationOutcome {

  /** Slack accepted the alert. */
  Sent SENT = new Sent();

  /** The alert was sent before, or is being sent by another worker. */
  Duplicate DUPLICATE = new Duplicate();

  /** Held for {@link Run#sendAlerts}, which a batch calls after its reconcile and digest. */
  Queued QUEUED = new Queued();

  /**
   * One word for the kind of outcome: sent, duplicate, below_threshold, skipped, queued,
   * not_configured or failed.
   */
  String status();

  /** The outcome in a few words, as reports print it. */
  String describe();

  /** Slack accepted the alert, and the finding counts as notified at its severity. */
  record Sent() implements NotificationOutcome {
    @Override
    public String status() {
      return "sent";
    }

    @Override
    public String describe() {
      return "sent";
    }
  }

  /** Already notified at this severity or higher, or another worker holds the claim to send it. */
  record Duplicate() implements NotificationOutcome {
    @Override
    public String status() {
      return "duplicate";
    }

    @Override
    public String describe() {
      return "duplicate: already notified at this severity or higher, or being sent";
    }
  }

  /** The finding's severity is below the notify threshold. */
  record BelowThreshold(SeverityLevel severity, SeverityLevel threshold)
      implements NotificationOutcome {
    public BelowThreshold {
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(threshold, "threshold");
    }

    @Override
    public String status() {
      return "below_threshold";
    }

    @Override
    public String describe() {
      return "severity " + severity + " is below the notify threshold " + threshold;
    }
  }

  /** Not worth an alert for another reason: archived, another account, not routed. */
  record Skipped(String reason) implements NotificationOutcome {
    public Skipped {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String status() {
      return "skipped";
    }

    @Override
    public String describe() {
      return reason;
    }
  }

  /**
   * Slack did not accept the alert; the finding does not count as notified, so it is alerted when
   * it arrives again.
   */
  record Failed(String cause) implements NotificationOutcome {
    public Failed {
      Objects.requireNonNull(cause, "cause");
    }

    @Override
    public String status() {
      return "failed";
    }

    @Override
    public String describe() {
      return "failed: " + cause;
    }
  }

  /** Waiting for the batch's {@link Run#sendAlerts}; not claimed yet. */
  record Queued() implements NotificationOutcome {
    @Override
    public String status() {
      return "queued";
    }

    @Override
    public String describe() {
      return "queued: sent after the batch's reconcile";
    }
  }

  /**
   * The notifier cannot post at all (no valid webhook URL yet): nothing was claimed, so the alert
   * is sent when the finding arrives again.
   */
  record NotConfigured(String reason) implements NotificationOutcome {
    public NotConfigured {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String status() {
      return "not_configured";
    }

    @Override
    public String describe() {
      return "not sent, Slack is not configured: " + reason;
    }
  }
}
