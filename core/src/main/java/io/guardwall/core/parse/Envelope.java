package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a finding inherits from the event around it when it does not say itself; immutable.
 *
 * @param account the event's {@code account}, may be null
 * @param region the event's {@code region}, may be null
 */
record Envelope(String account, String region) {

  static Envelope of(JsonNode event) {
    return new Envelope(Json.text(event.get("account")), Json.text(event.get("region")));
  }

  String account(String fromFinding) {
    return fromFinding != null ? fromFinding : account;
  }

  String region(String fromFinding) {
    return fromFinding != null ? fromFinding : region;
  }
}
