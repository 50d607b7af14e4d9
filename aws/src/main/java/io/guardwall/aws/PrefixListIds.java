package io.guardwall.aws;

import io.guardwall.core.text.Excerpt;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The managed prefix lists that form one target, in the order a family's lists are filled, as a
 * target SPEC names them ({@code pl-…} ids or {@code arn:aws:ec2:…:prefix-list/pl-…} ARNs, joined
 * with {@code ,}); immutable.
 */
record PrefixListIds(List<String> ids) {

  /** A stateful rule group references at most five IP sets, so one target holds at most five. */
  static final int MAX_LISTS = 5;

  private static final Pattern ID = Pattern.compile("pl-[0-9a-f]{8,17}");
  private static final Pattern ARN =
      Pattern.compile("arn:aws[a-z-]*:ec2:[a-z0-9-]+:\\d{12}:prefix-list/(pl-[0-9a-f]{8,17})");

  PrefixListIds {
    ids = List.copyOf(ids);
    if (ids.isEmpty() || ids.size() > MAX_LISTS) {
      throw new IllegalArgumentException(
          "a prefix-list target names 1 to " + MAX_LISTS + " lists: " + ids.size());
    }
    if (ids.stream().distinct().count() != ids.size()) {
      throw new IllegalArgumentException("a prefix list is named twice: " + ids);
    }
  }

  /**
   * The lists {@code spec} names.
   *
   * @throws IllegalArgumentException naming the part that is no prefix-list id or ARN
   */
  static PrefixListIds parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    return new PrefixListIds(Arrays.stream(spec.split(",", -1)).map(PrefixListIds::id).toList());
  }

  /** Whether {@code spec} looks like a prefix-list target (its first part does). */
  static boolean matches(String spec) {
    String first = spec.split(",", -1)[0].trim();
    return ID.matcher(first).matches() || ARN.matcher(first).matches();
  }

  private static String id(String part) {
    String trimmed = part.trim();
    if (ID.matcher(trimmed).matches()) {
      return trimmed;
    }
    Matcher arn = ARN.matcher(trimmed);
    if (arn.matches()) {
      return arn.group(1);
    }
    throw new IllegalArgumentException(
        "not a prefix list id (pl-…) or ARN (arn:aws:ec2:REGION:ACCOUNT:prefix-list/pl-…): "
            + Excerpt.quoted(trimmed));
  }
}
