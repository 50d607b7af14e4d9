package io.guardwall.core.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The alert for a cloud execution that failed after its retries: which state machine, the error,
 * the execution and the cause; stateless. Every part may quote outside text (a cause can hold a
 * finding's text), so each goes through {@link SlackText#safe}, which cuts after escaping.
 */
final class FailureAlert {

  private static final int MAX_NAME = 100;
  private static final int MAX_DETAIL = 300;
  private static final String CAUSE_START = "*Cause:*\n```";
  private static final String CAUSE_END = "```";

  /** Room for the cause: the section limit less the label and the code fences. */
  static final int MAX_CAUSE =
      BlockKitLimits.MAX_SECTION_TEXT - CAUSE_START.length() - CAUSE_END.length();

  private FailureAlert() {}

  static ObjectNode payload(String stateMachine, String execution, String error, String cause) {
    String title =
        ":rotating_light: guardwall: " + SlackText.safe(stateMachine, MAX_NAME) + " failed";
    List<ObjectNode> blocks =
        List.of(
            Blocks.section("*" + title + "*"),
            Blocks.section(
                "*Error:* `"
                    + SlackText.safe(error, MAX_DETAIL)
                    + "`\n*Execution:* "
                    + SlackText.safe(execution, MAX_DETAIL)),
            Blocks.section(CAUSE_START + SlackText.safe(cause, MAX_CAUSE) + CAUSE_END));
    return Blocks.payload(title, blocks);
  }
}
