package io.guardwall.core.slack;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One state change of a CloudWatch alarm, as the alarm's SNS notification reports it; immutable and
 * thread-safe. Every text is outside text (an alarm on a given topic may be anyone's), made inert
 * only when a message is built from it.
 *
 * @param name the alarm's name
 * @param newState the state the alarm changed to
 * @param oldState the state it changed from
 * @param description the alarm's description, if it has one
 * @param reason why the state changed, in CloudWatch's words
 * @param changedAt when, as CloudWatch writes it ({@code 2026-11-28T06:00:00.000+0000})
 * @param account the AWS account of the alarm
 * @param region the region's display name ({@code EU (Ireland)})
 * @param arn the alarm's ARN, whose region code gives the console link
 */
public record AlarmChange(
    String name,
    AlarmChange.State newState,
    AlarmChange.State oldState,
    @Nullable String description,
    @Nullable String reason,
    @Nullable String changedAt,
    @Nullable String account,
    @Nullable String region,
    @Nullable String arn) {

  /** The states of a CloudWatch alarm, named as CloudWatch names them. */
  public enum State {
    OK,
    ALARM,
    INSUFFICIENT_DATA
  }

  public AlarmChange {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(newState, "newState");
    Objects.requireNonNull(oldState, "oldState");
    if (name.isBlank()) {
      throw new IllegalArgumentException("an alarm change needs the alarm's name");
    }
  }

  /**
   * True when the alarm went into or out of ALARM: the changes worth a message. OK and
   * INSUFFICIENT_DATA between themselves are not (every new alarm goes from INSUFFICIENT_DATA to OK
   * once, which would post one message per alarm on every fresh deploy); leaving ALARM for
   * INSUFFICIENT_DATA is, because nobody can then tell whether the condition has passed.
   */
  public boolean entersOrLeavesAlarm() {
    return newState == State.ALARM || oldState == State.ALARM;
  }

  /** True when the alarm left ALARM for OK: the condition has passed. */
  public boolean isRecovery() {
    return oldState == State.ALARM && newState == State.OK;
  }
}
