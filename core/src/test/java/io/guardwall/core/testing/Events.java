package io.guardwall.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Builds whole events for tests from the shipped samples. */
public final class Events {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  /**
   * Sample 09 with its second finding turned into an Inspector finding: a GuardDuty LOW finding of
   * 198.51.100.150 (block route only) beside a non-GuardDuty HIGH finding of 203.0.113.180 (notify
   * route only), in one Security Hub event.
   */
  public static ObjectNode guardDutyBesideInspector() {
    try {
      ObjectNode event =
          (ObjectNode) JSON.readTree(Resources.sample("events/09-securityhub-two-findings.json"));
      ObjectNode inspector = (ObjectNode) event.at("/detail/findings/1");
      inspector.put("ProductArn", "arn:aws:securityhub:eu-west-1::product/aws/inspector");
      inspector.put("ProductName", "Inspector");
      return event;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
