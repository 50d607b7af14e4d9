package io.guardwall.slack;

import io.guardwall.core.text.Excerpt;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Slack answer that retrying cannot fix, turned into an actionable message; {@code webhookBroken}
 * when every later message would be rejected the same way (the URL, token or channel is unusable),
 * as opposed to this one message being bad.
 */
record Rejection(String message, boolean webhookBroken) {

  private static final Pattern ERROR_CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final int SNIPPET = 100;

  private record Meaning(String advice, boolean webhookBroken) {}

  private static final Meaning BAD_URL =
      new Meaning(
          "the webhook URL is wrong or its app was removed; create a new incoming webhook and"
              + " update the stored URL",
          true);
  private static final Meaning BAD_TOKEN =
      new Meaning(
          "the webhook's token is invalid or was revoked; create a new incoming webhook and update"
              + " the stored URL",
          true);
  private static final Meaning BAD_MESSAGE =
      new Meaning(
          "Slack could not accept this message (malformed or over Block Kit limits); this is a"
              + " guardwall bug, please report it",
          false);

  private static final Meaning UNEXPECTED =
      new Meaning("this is not how Slack's webhook endpoint answers; check the webhook URL", false);

  // Error codes documented for incoming webhooks.
  private static final Map<String, Meaning> BY_CODE =
      Map.ofEntries(
          Map.entry("invalid_payload", BAD_MESSAGE),
          Map.entry("invalid_blocks", BAD_MESSAGE),
          Map.entry("invalid_blocks_format", BAD_MESSAGE),
          Map.entry("no_text", BAD_MESSAGE),
          Map.entry("too_many_attachments", BAD_MESSAGE),
          Map.entry("no_service", BAD_URL),
          Map.entry("no_service_id", BAD_URL),
          Map.entry("no_team", BAD_URL),
          Map.entry("team_disabled", BAD_URL),
          Map.entry("invalid_token", BAD_TOKEN),
          Map.entry(
              "channel_not_found",
              new Meaning(
                  "the webhook's channel no longer exists; create a webhook for another channel",
                  true)),
          Map.entry(
              "user_not_found",
              new Meaning(
                  "the webhook's user no longer exists; create a webhook for a channel", true)),
          Map.entry(
              "channel_is_archived",
              new Meaning(
                  "the webhook's channel is archived; unarchive it or create a webhook for another"
                      + " channel",
                  true)),
          Map.entry(
              "action_prohibited",
              new Meaning(
                  "a workspace admin restricted posting to the webhook's channel; ask them or use"
                      + " another channel",
                  true)),
          Map.entry(
              "posting_to_general_channel_denied",
              new Meaning(
                  "only admins may post to the webhook's channel; create a webhook for another"
                      + " channel",
                  true)));

  /** The meaning of HTTP {@code status} (not 2xx, 429 or 5xx) with response {@code body}. */
  static Rejection of(int status, String body, Webhook webhook) {
    String stripped = body == null ? "" : body.strip();
    boolean isCode = ERROR_CODE.matcher(stripped).matches();
    Meaning meaning =
        isCode && BY_CODE.containsKey(stripped) ? BY_CODE.get(stripped) : byStatus(status);
    String what = BAD_MESSAGE.equals(meaning) ? "the message" : "the webhook";
    String detail = isCode ? " " + stripped : describe(stripped, webhook);
    return new Rejection(
        "Slack rejected " + what + " (HTTP " + status + detail + "): " + meaning.advice(),
        meaning.webhookBroken());
  }

  private static Meaning byStatus(int status) {
    return switch (status) {
      case 400, 413 -> BAD_MESSAGE;
      case 401, 403 -> BAD_TOKEN;
      case 404, 410 -> BAD_URL;
      default -> UNEXPECTED;
    };
  }

  private static String describe(String body, Webhook webhook) {
    if (body.isEmpty()) {
      return "";
    }
    String clean = webhook.redact(body).replaceAll("\\p{Cntrl}+", " ");
    return ", body: " + Excerpt.of(clean, SNIPPET);
  }
}
