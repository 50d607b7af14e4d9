package io.guardwall.core.slack;

/**
 * Slack's documented limits for an incoming-webhook message in Block Kit, the one place guardwall
 * states them; constants only.
 */
public final class BlockKitLimits {

  /** Blocks in one message. */
  public static final int MAX_BLOCKS = 50;

  /** Characters of a section's or a context element's text. */
  static final int MAX_SECTION_TEXT = 3000;

  /** Characters of a header's plain text. */
  static final int MAX_HEADER_TEXT = 150;

  /** Fields of one section. */
  static final int MAX_FIELDS = 10;

  /** Characters of one field. */
  static final int MAX_FIELD_TEXT = 2000;

  /** Characters of the message's top-level {@code text}, the notification fallback. */
  public static final int MAX_FALLBACK_TEXT = 4000;

  private BlockKitLimits() {}
}
