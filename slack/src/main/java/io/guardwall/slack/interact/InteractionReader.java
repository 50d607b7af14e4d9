package io.guardwall.slack.interact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.slack.ReplacedMessage;
import io.guardwall.core.slack.Verb;
import io.guardwall.core.text.Excerpt;
import io.guardwall.core.text.InertText;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads a verified interaction request's body: {@code application/x-www-form-urlencoded} with the
 * JSON in its {@code payload} field, a {@code block_actions} payload from a button or an overflow
 * menu whose value is a {@link Verb#value} . Anything else is refused with the field it is about.
 * Thread-safe.
 */
public final class InteractionReader {

  /** Where Slack's response URLs point. */
  public static final Predicate<URI> SLACK_RESPONSE_URLS =
      uri ->
          "https".equals(uri.getScheme())
              && "hooks.slack.com".equals(uri.getHost())
              && uri.getUserInfo() == null
              && uri.getPort() == -1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Predicate<URI> responseUrls;

  /**
   * @param responseUrls which response URLs may be called back: Slack's ({@link
   *     #SLACK_RESPONSE_URLS}) in production, so a payload can never make the endpoint call
   *     anywhere else
   */
  public InteractionReader(Predicate<URI> responseUrls) {
    this.responseUrls = Objects.requireNonNull(responseUrls, "responseUrls");
  }

  /**
   * The interaction in {@code body}.
   *
   * @throws MalformedInteractionException naming the field that is missing or wrong
   */
  public Interaction read(byte[] body) {
    JsonNode payload = payload(new String(body, StandardCharsets.UTF_8));
    String type = text(payload, "type");
    if (!"block_actions".equals(type)) {
      throw malformed("type is " + quote(type) + ", not block_actions");
    }
    JsonNode user = object(payload, "user");
    JsonNode action = firstAction(payload);
    String value = actionValue(action);
    return new Interaction(
        text(user, "id"),
        userName(user),
        text(object(payload, "channel"), "id"),
        verb(value),
        cidr(value),
        responseUrl(text(payload, "response_url")),
        message(payload));
  }

  /**
   * The parts of the clicked message a reply replacing it needs, or null: a message that is
   * missing, not an object or too large only makes the reply a new message.
   */
  private static @Nullable String message(JsonNode payload) {
    JsonNode message = payload.path("message");
    if (!message.isObject()) {
      return null;
    }
    ObjectNode kept = JSON.createObjectNode();
    for (String field : List.of("text", "blocks", "attachments")) {
      if (message.has(field)) {
        kept.set(field, message.get(field));
      }
    }
    return ReplacedMessage.fits(kept) ? kept.toString() : null;
  }

  private static JsonNode payload(String form) {
    for (String pair : form.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if ("payload".equals(name) && equals >= 0) {
        return parse(decode(pair.substring(equals + 1)));
      }
    }
    throw malformed("the body has no payload field");
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw malformed("the payload field is not URL-encoded");
    }
  }

  private static JsonNode parse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        throw malformed("the payload is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw malformed("the payload is not JSON");
    }
  }

  private static JsonNode firstAction(JsonNode payload) {
    JsonNode actions = payload.get("actions");
    if (actions == null || !actions.isArray() || actions.isEmpty()) {
      throw malformed("actions is missing or empty");
    }
    if (!actions.get(0).isObject()) {
      throw malformed("actions[0] is not an object");
    }
    return actions.get(0);
  }

  /** A button carries its value; an overflow menu, the selected option's. */
  private static String actionValue(JsonNode action) {
    JsonNode option = action.get("selected_option");
    return option == null || option.isNull()
        ? text(action, "value")
        : text(object(action, "selected_option"), "value");
  }

  private static Verb verb(String value) {
    String word = value.split(" ", 2)[0];
    return Verb.of(word)
        .orElseThrow(() -> malformed("the action " + quote(word) + " is not one guardwall offers"));
  }

  private static Cidr cidr(String value) {
    String[] parts = value.split(" ", 2);
    if (parts.length < 2) {
      throw malformed("the action value names no address");
    }
    try {
      return Cidr.parse(parts[1]);
    } catch (IllegalArgumentException e) {
      throw malformed("the action's address " + quote(parts[1]) + " is not a CIDR");
    }
  }

  private URI responseUrl(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw malformed("response_url is not a URL");
    }
    if (!responseUrls.test(uri)) {
      throw malformed("response_url " + quote(text) + " is not Slack's");
    }
    return uri;
  }

  private static String userName(JsonNode user) {
    return Optional.ofNullable(user.get("username"))
        .or(() -> Optional.ofNullable(user.get("name")))
        .filter(JsonNode::isTextual)
        .map(JsonNode::asText)
        .orElse("");
  }

  private static JsonNode object(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isObject()) {
      throw malformed(field + " is missing or not an object");
    }
    return node;
  }

  private static String text(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw malformed(field + " is missing or not a string");
    }
    return node.asText();
  }

  /** Payload text in a message that reaches logs and HTTP answers: short and inert. */
  private static String quote(String text) {
    return Excerpt.quoted(InertText.of(text));
  }

  private static MalformedInteractionException malformed(String message) {
    return new MalformedInteractionException(message);
  }
}
