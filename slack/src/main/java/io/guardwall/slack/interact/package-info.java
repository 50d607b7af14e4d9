/**
 * Slack's interaction requests (the buttons and menus on guardwall's messages): checking that a
 * request is Slack's, fresh and new, reading what it asks, and whether its user may ask it.
 */
@NullMarked
package io.guardwall.slack.interact;

import org.jspecify.annotations.NullMarked;
