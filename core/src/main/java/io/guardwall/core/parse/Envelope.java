package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * What a finding inherits from the event around it when it does not say itself; immutable. Blank
 * text counts as absent, so that a finding with an empty account is one that names no account.
 *
 * @param account the event's {@code account}, may be null
 * @param region the event's {@code region}, may be null
 */
record Envelope(@Nullable String account, @Nullable String region) {

  Envelope {
    account = present(account);
    region = present(region);
  }

  static Envelope of(JsonNode event) {
    return new Envelope(
        FindingFields.text(event.get("account")), FindingFields.text(event.get("region")));
  }

  @Nullable String account(@Nullable String fromFinding) {
    return fromFinding(fromFinding, account);
  }

  @Nullable String region(@Nullable String fromFinding) {
    return fromFinding(fromFinding, region);
  }

  private static @Nullable String fromFinding(
      @Nullable String fromFinding, @Nullable String fromEvent) {
    String own = present(fromFinding);
    return own != null ? own : fromEvent;
  }

  private static @Nullable String present(@Nullable String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
