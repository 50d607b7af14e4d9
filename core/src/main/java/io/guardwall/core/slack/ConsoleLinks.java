package io.guardwall.core.slack;

import io.guardwall.core.model.Finding;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** AWS console addresses of findings and alarms; stateless. */
final class ConsoleLinks {

  /**
   * An AWS region name. The region is finding text and becomes part of a host name, so anything
   * else (which could point the link at another site) gets no link.
   */
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

  /**
   * The Security Hub console's filter "Id EQUALS ...": the filter sits URL-encoded inside the
   * {@code search} parameter of the fragment, so its value is percent-encoded twice (as the
   * operator's {@code \} and {@code :} are here).
   */
  private static final String SECURITY_HUB_SEARCH = "Id%3D%255Coperator%255C%253AEQUALS%255C%253A";

  /**
   * A CloudWatch alarm's ARN in the {@code aws} partition, the one console.aws.amazon.com serves.
   */
  private static final Pattern ALARM_ARN =
      Pattern.compile("arn:aws:cloudwatch:([a-z0-9-]+):[0-9]{12}:alarm:.+");

  private ConsoleLinks() {}

  /** The CloudWatch console page of the alarm that changed, if its ARN names a region. */
  static Optional<String> of(AlarmChange change) {
    String arn = change.arn();
    Matcher m = arn == null ? null : ALARM_ARN.matcher(arn);
    if (m == null || !m.matches() || !REGION.matcher(m.group(1)).matches()) {
      return Optional.empty();
    }
    String region = m.group(1);
    return Optional.of(
        "https://"
            + region
            + ".console.aws.amazon.com/cloudwatch/home?region="
            + region
            + "#alarmsV2:alarm/"
            + encode(change.name()));
  }

  /** The console page of {@code finding}, if its route and region allow one. */
  static Optional<String> of(Finding finding) {
    String region = finding.region();
    if (region == null || !REGION.matcher(region).matches()) {
      return Optional.empty();
    }
    String console = "https://" + region + ".console.aws.amazon.com/";
    return switch (finding.origin()) {
      case GUARDDUTY ->
          Optional.of(
              console
                  + "guardduty/home?region="
                  + region
                  + "#/findings?fId="
                  + encode(finding.id()));
      case SECURITYHUB ->
          Optional.of(
              console
                  + "securityhub/home?region="
                  + region
                  + "#/findings?search="
                  + SECURITY_HUB_SEARCH
                  + encode(encode(finding.arn() != null ? finding.arn() : finding.id())));
      default -> Optional.empty();
    };
  }

  /**
   * Percent-encodes a URL component: a space as {@code %20}, not {@code +}, and the asterisk too,
   * which URLEncoder leaves raw, so that no mrkdwn formatting character is left in a link.
   */
  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
  }
}
