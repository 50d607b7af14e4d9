package io.guardwall.slack.interact;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.slack.Verb;
import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One click on a guardwall message, as Slack's {@code block_actions} payload reports it; immutable.
 * The names are Slack's and attacker-reachable text: print them inert.
 *
 * @param userId the Slack user id ({@code U…}/{@code W…}), what authorization checks
 * @param userName the user's name as Slack sends it, for the audit trail and the reply
 * @param channelId the channel the message is in
 * @param verb what the user asked for
 * @param cidr the address the button is about
 * @param responseUrl where the reply that updates the original message goes
 * @param message the clicked message's {@code text}, {@code blocks} and {@code attachments} as
 *     JSON, for the reply that replaces it; null when the payload had none or too large a one
 */
public record Interaction(
    String userId,
    String userName,
    String channelId,
    Verb verb,
    Cidr cidr,
    URI responseUrl,
    @Nullable String message) {

  public Interaction {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(responseUrl, "responseUrl");
  }

  /** A click whose original message is not known. */
  public Interaction(
      String userId, String userName, String channelId, Verb verb, Cidr cidr, URI responseUrl) {
    this(userId, userName, channelId, verb, cidr, responseUrl, null);
  }
}
