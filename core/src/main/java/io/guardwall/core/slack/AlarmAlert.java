package io.guardwall.core.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The message for one state change of a CloudWatch alarm: a coloured attachment with what changed,
 * the alarm's description (which says what to do), when, where, CloudWatch's reason and a console
 * link; stateless. Every text of the change may be anyone's, so each goes through {@link
 * SlackText#safe}.
 */
final class AlarmAlert {

  static final String ALARM_COLOUR = "#E01E5A";
  static final String OK_COLOUR = "#2EB67D";
  static final String OTHER_COLOUR = "#9E9E9E";

  /** CloudWatch's own limits: names of up to 255 characters, descriptions of up to 1,024. */
  private static final int MAX_NAME = 255;

  private static final int MAX_DESCRIPTION = 1024;
  private static final int MAX_FIELD_VALUE = 200;
  private static final String REASON_LABEL = "*Reason:* ";

  private AlarmAlert() {}

  static ObjectNode payload(AlarmChange change) {
    String title = title(change);
    List<ObjectNode> blocks = new ArrayList<>();
    blocks.add(Blocks.section("*" + title + "*"));
    if (change.description() != null) {
      blocks.add(Blocks.section(SlackText.safe(change.description(), MAX_DESCRIPTION)));
    }
    blocks.add(Blocks.fields(facts(change)));
    blocks.add(Blocks.section(REASON_LABEL + safe(change.reason(), maxReason())));
    ConsoleLinks.of(change)
        .ifPresent(url -> blocks.add(Blocks.context("<" + url + "|Open the alarm in CloudWatch>")));
    return Blocks.colouredPayload(title, colour(change), blocks);
  }

  private static String title(AlarmChange change) {
    String name = SlackText.safe(change.name(), MAX_NAME);
    if (change.newState() == AlarmChange.State.ALARM) {
      return ":rotating_light: guardwall alarm: " + name + " is in ALARM";
    }
    if (change.isRecovery()) {
      return ":white_check_mark: guardwall alarm: " + name + " is OK again";
    }
    return ":grey_question: guardwall alarm: " + name + " is " + change.newState();
  }

  private static List<String> facts(AlarmChange change) {
    return List.of(
        field("State", change.oldState() + " → " + change.newState()),
        field("Since", change.changedAt()),
        field("Account", change.account()),
        field("Region", change.region()));
  }

  private static String field(String label, @Nullable String value) {
    return "*" + label + "*\n" + safe(value, MAX_FIELD_VALUE);
  }

  // SlackText.safe shows a dash for blank text; an absent part is shown the same way.
  private static String safe(@Nullable String text, int max) {
    return SlackText.safe(text == null ? "" : text, max);
  }

  private static int maxReason() {
    return BlockKitLimits.MAX_SECTION_TEXT - REASON_LABEL.length();
  }

  private static String colour(AlarmChange change) {
    if (change.newState() == AlarmChange.State.ALARM) {
      return ALARM_COLOUR;
    }
    return change.isRecovery() ? OK_COLOUR : OTHER_COLOUR;
  }
}
