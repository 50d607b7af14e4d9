package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.IpSource;
import io.guardwall.core.text.Excerpt;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads remote addresses from ASFF {@code ProductFields}, whose flattened key form changed over the
 * years ({@code .../portProbeDetails.0_/remoteIpDetails/ipAddressV4} and others): any key whose
 * last segment is {@code ipAddressV4} or {@code ipAddressV6} and whose path has {@code
 * remoteIpDetails} names a remote address; stateless.
 */
final class ProductFieldIps {

  private static final String DETAILS = "remoteIpDetails";

  private static final Map<String, IpSource> ACTIONS = new LinkedHashMap<>();

  static {
    ACTIONS.put("networkConnectionAction", IpSource.NETWORK_CONNECTION);
    ACTIONS.put("portProbeAction", IpSource.PORT_PROBE);
    ACTIONS.put("awsApiCallAction", IpSource.AWS_API_CALL);
    ACTIONS.put("kubernetesApiCallAction", IpSource.KUBERNETES_API_CALL);
    ACTIONS.put("rdsLoginAttemptAction", IpSource.RDS_LOGIN_ATTEMPT);
  }

  private ProductFieldIps() {}

  static void collect(JsonNode productFields, RemoteIpCollector out) {
    if (!productFields.isObject()) {
      return;
    }
    Map<String, String> index = null;
    for (Map.Entry<String, JsonNode> field : productFields.properties()) {
      int details = detailsAt(field.getKey());
      if (details >= 0) {
        index = index == null ? index(productFields) : index;
        read(field.getKey(), details, field.getValue(), index, out);
      }
    }
  }

  /** Where {@code remoteIpDetails} starts in a key naming a remote address, else -1. */
  private static int detailsAt(String key) {
    int last = lastSeparator(key) + 1;
    boolean address =
        key.length() - last == "ipAddressV4".length()
            && (endsWithIgnoreCase(key, "ipAddressV4") || endsWithIgnoreCase(key, "ipAddressV6"));
    return address ? lastIndexOfIgnoreCase(key.substring(0, last), DETAILS) : -1;
  }

  private static void read(
      String key, int details, JsonNode value, Map<String, String> index, RemoteIpCollector out) {
    String where = "ProductFields " + Excerpt.quoted(key);
    if (!value.isTextual()) {
      out.warn(
          "skipped remote address in "
              + where
              + ": value is "
              + FindingFields.kind(value)
              + ", expected text");
      return;
    }
    String actionPath = key.substring(0, details);
    out.add(
        FindingFields.cap(value.asText()),
        where,
        source(actionPath),
        facts(key, actionPath, index));
  }

  private static RemoteIpCollector.Facts facts(
      String key, String actionPath, Map<String, String> index) {
    int last = lastSeparator(key);
    String base = key.substring(0, last + 1);
    String sep = last < 0 ? "/" : key.substring(last, last + 1);
    String organization = base + "organization" + sep;
    return new RemoteIpCollector.Facts(
        index.get(actionPath + "connectionDirection"),
        index.get(base + "country" + sep + "countryName"),
        index.get(organization + "asn"),
        firstPresent(index, organization + "asnOrg", organization + "org", organization + "isp"));
  }

  private static IpSource source(String actionPath) {
    for (Map.Entry<String, IpSource> action : ACTIONS.entrySet()) {
      if (lastIndexOfIgnoreCase(actionPath, action.getKey()) >= 0) {
        return action.getValue();
      }
    }
    return IpSource.OTHER;
  }

  /** ProductFields text values by key, case-insensitively, for the sibling look-ups. */
  private static Map<String, String> index(JsonNode productFields) {
    Map<String, String> index = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, JsonNode> field : productFields.properties()) {
      if (field.getValue().isTextual()) {
        index.putIfAbsent(field.getKey(), FindingFields.cap(field.getValue().asText()));
      }
    }
    return index;
  }

  private static @Nullable String firstPresent(Map<String, String> index, String... keys) {
    for (String key : keys) {
      String value = index.get(key);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static int lastSeparator(String key) {
    return Math.max(key.lastIndexOf('/'), key.lastIndexOf('.'));
  }

  private static boolean endsWithIgnoreCase(String text, String suffix) {
    return text.regionMatches(true, text.length() - suffix.length(), suffix, 0, suffix.length());
  }

  private static int lastIndexOfIgnoreCase(String text, String needle) {
    for (int i = text.length() - needle.length(); i >= 0; i--) {
      if (text.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }
}
