package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.text.Excerpt;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Gathers the addresses a finding names as its own resource's: de-duplicated and capped. A value
 * that is no IP is skipped with a warning; a blank one (GuardDuty writes {@code "publicIp": ""} for
 * an instance without one) silently. One instance per finding, not thread-safe.
 */
final class OwnAddresses {

  static final int MAX_ADDRESSES = 256;

  private final Set<Cidr> addresses = new LinkedHashSet<>();
  private final Consumer<String> warn;
  private boolean full;

  /** {@code warn} receives what was skipped: the finding's warning list. */
  OwnAddresses(Consumer<String> warn) {
    this.warn = warn;
  }

  /** Adds the address held by {@code value}, read from {@code where}. */
  void add(JsonNode value, String where) {
    if (value.isMissingNode() || value.isNull()) {
      return;
    }
    if (!value.isTextual()) {
      warn.accept(skipped(where) + FindingFields.kind(value) + ", expected text");
    } else if (!value.asText().isBlank()) {
      add(FindingFields.cap(value.asText()), where);
    }
  }

  /** Adds every address of the array {@code values}, read from {@code where}. */
  void addAll(JsonNode values, String where) {
    elements(values, where).forEach(v -> add(v, where));
  }

  /** The elements of the array {@code values}; none, with a warning, for anything else. */
  List<JsonNode> elements(JsonNode values, String where) {
    if (!values.isArray()) {
      if (!values.isMissingNode() && !values.isNull()) {
        warn.accept(skipped(where) + FindingFields.kind(values) + ", expected an array");
      }
      return List.of();
    }
    List<JsonNode> elements = new ArrayList<>(values.size());
    values.forEach(elements::add);
    return elements;
  }

  /** Adds the {@code ipAddressV4} and {@code ipAddressV6} of a {@code localIpDetails} object. */
  void addDetails(JsonNode details, String where) {
    add(FindingFields.field(details, "ipAddressV4"), where + ".ipAddressV4");
    add(FindingFields.field(details, "ipAddressV6"), where + ".ipAddressV6");
  }

  List<Cidr> addresses() {
    return List.copyOf(addresses);
  }

  private void add(String text, String where) {
    if (!Cidr.isAddress(text)) {
      warn.accept(skipped(where) + Excerpt.quoted(text) + ", not an IP address");
    } else if (addresses.size() < MAX_ADDRESSES) {
      addresses.add(Cidr.ofAddress(text));
    } else if (!full) {
      full = true;
      warn.accept("more than " + MAX_ADDRESSES + " resource addresses: kept the first ones");
    }
  }

  private static String skipped(String where) {
    return "skipped resource address in " + where + ": ";
  }
}
