package io.guardwall.core.slack;

import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds Block Kit payloads for Slack incoming webhooks: the digest of addresses blocked in a run,
 * the alert for one finding, the alert for a failed cloud execution and the alert for an alarm's
 * state change. Finding text is attacker-influenced: it is always made inert (no control, bidi or
 * invisible characters, no formatting, no mentions, no links) and escaped, rendered as verbatim
 * mrkdwn, and every text is cut visibly to the {@link BlockKitLimits} after escaping. Thread-safe.
 */
public final class SlackMessages {

  private static final int MAX_HINT = 100;

  private final BlockedDigest digest;
  private final boolean menus;

  /**
   * @param unblockHint the command that lifts a block, followed by the CIDR in the digest (e.g.
   *     {@code ./guardwall unblock})
   */
  public SlackMessages(String unblockHint) {
    this(unblockHint, false);
  }

  /**
   * @param unblockHint as above
   * @param menus whether digest entries carry the Unblock / Extend / Pin / Allow menu: only when
   *     Slack interactivity is set up
   */
  public SlackMessages(String unblockHint, boolean menus) {
    Objects.requireNonNull(unblockHint, "unblockHint");
    if (unblockHint.isBlank() || unblockHint.length() > MAX_HINT) {
      throw new IllegalArgumentException(
          "unblockHint must be 1-" + MAX_HINT + " chars, not " + unblockHint.length());
    }
    this.digest = new BlockedDigest(unblockHint.strip(), menus);
    this.menus = menus;
  }

  /**
   * The digest of the addresses newly blocked in one run.
   *
   * @throws IllegalArgumentException when {@code blocked} is empty: there is nothing to report
   */
  SlackMessage blockedDigest(List<BlockedIp> blocked, Instant now) {
    return new SlackMessage(SlackMessage.Kind.BLOCKED, null, digest.payload(blocked, now));
  }

  /**
   * Digests that together list every address of {@code blocked}, most severe first, each short
   * enough to list all of its own; empty for an empty list.
   */
  public List<SlackMessage> blockedDigests(List<BlockedIp> blocked, Instant now) {
    if (blocked.isEmpty()) {
      return List.of();
    }
    List<BlockedIp> ordered = BlockedDigest.ordered(blocked);
    List<SlackMessage> messages = new ArrayList<>();
    for (int from = 0; from < ordered.size(); from += BlockedDigest.MAX_LISTED) {
      int to = Math.min(ordered.size(), from + BlockedDigest.MAX_LISTED);
      messages.add(blockedDigest(ordered.subList(from, to), now));
    }
    return messages;
  }

  /**
   * The maintenance run's summary: what expired, what does not fit the rule group (the first of
   * each listed, the rest counted) and how many newly blocked addresses its digests left unlisted.
   */
  public SlackMessage maintenanceSummary(
      List<Cidr> expired, int expiredCount, List<Cidr> evicted, int evictedCount, int unlisted) {
    return new SlackMessage(
        SlackMessage.Kind.MAINTENANCE,
        null,
        MaintenanceSummary.payload(expired, expiredCount, evicted, evictedCount, unlisted));
  }

  /** What people did since the last digest: one line per action (who, what, CIDR), inert. */
  public SlackMessage actionsTaken(List<AuditRecord> actions) {
    return new SlackMessage(SlackMessage.Kind.MAINTENANCE, null, ActionsTaken.payload(actions));
  }

  /**
   * The alert for one finding, coloured by its severity, with the policy's {@code actorNote} (see
   * {@code Policy.actorNote}) as a warning when there is one, and, when menus are on, the action
   * menu of each address it {@code blocked}.
   */
  public SlackMessage findingAlert(
      Finding finding, Optional<String> actorNote, List<Cidr> blocked) {
    Objects.requireNonNull(finding, "finding");
    return new SlackMessage(
        SlackMessage.Kind.FINDING,
        finding.id(),
        FindingAlert.payload(finding, actorNote, menus ? blocked : List.of()));
  }

  /**
   * The alert for a cloud execution that failed after its retries; every argument may be outside
   * text, and null when unknown.
   */
  public static SlackMessage failureAlert(
      String stateMachine, String execution, String error, String cause) {
    return new SlackMessage(
        SlackMessage.Kind.FAILURE,
        null,
        FailureAlert.payload(stateMachine, execution, error, cause));
  }

  /** The alert for one state change of a CloudWatch alarm; every text of it may be outside text. */
  public static SlackMessage alarmAlert(AlarmChange change) {
    Objects.requireNonNull(change, "change");
    return new SlackMessage(SlackMessage.Kind.ALARM, null, AlarmAlert.payload(change));
  }
}
