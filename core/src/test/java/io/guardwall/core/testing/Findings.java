package io.guardwall.core.testing;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.IpSource;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.RemoteIp;
import io.guardwall.core.model.ResourceFacts;
import io.guardwall.core.model.ResourceRole;
import io.guardwall.core.model.Severity;
import java.util.Arrays;
import java.util.List;

/** Builds findings for tests: a GuardDuty network-connection finding unless told otherwise. */
public final class Findings {

  private String id = "f-1";
  private String type = "UnauthorizedAccess:EC2/SSHBruteForce";
  private Severity severity = Severity.ofScore(5.0);
  private String account = "111122223333";
  private boolean archived;
  private boolean sample;
  private Origin origin = Origin.GUARDDUTY;
  private ResourceRole role = ResourceRole.TARGET;
  private List<Cidr> ownAddresses = List.of();
  private List<RemoteIp> ips = List.of(ip("198.51.100.7", IpSource.NETWORK_CONNECTION));

  public static Findings finding() {
    return new Findings();
  }

  public static RemoteIp ip(String address, IpSource source) {
    return new RemoteIp(Cidr.ofAddress(address), source, null, "Testland", "64500", "Example Org");
  }

  public Findings id(String value) {
    id = value;
    return this;
  }

  public Findings type(String value) {
    type = value;
    return this;
  }

  public Findings score(double value) {
    severity = Severity.ofScore(value);
    return this;
  }

  public Findings account(String value) {
    account = value;
    return this;
  }

  public Findings archived() {
    archived = true;
    return this;
  }

  public Findings sample() {
    sample = true;
    return this;
  }

  public Findings origin(Origin value) {
    origin = value;
    return this;
  }

  /** The role the finding's resource played (TARGET unless told). */
  public Findings role(ResourceRole value) {
    role = value;
    return this;
  }

  /** The finding's resource's own addresses (none unless told). */
  public Findings ownAddresses(String... addresses) {
    ownAddresses = Arrays.stream(addresses).map(Cidr::ofAddress).toList();
    return this;
  }

  /** A remote address seen in {@code direction}, as a network connection. */
  public static RemoteIp ip(String address, String direction) {
    return new RemoteIp(
        Cidr.ofAddress(address),
        IpSource.NETWORK_CONNECTION,
        direction,
        "Testland",
        "64500",
        "Example Org");
  }

  public Findings ips(RemoteIp... values) {
    ips = Arrays.asList(values);
    return this;
  }

  public Finding build() {
    return new Finding(
        id,
        "arn:aws:guardduty:us-east-1:" + account + ":detector/d1/finding/" + id,
        type,
        severity,
        "Title of " + id,
        "Description of " + id,
        account,
        "us-east-1",
        "GuardDuty",
        origin,
        "Instance i-0abc",
        new ResourceFacts(role, ownAddresses),
        archived,
        sample,
        ips,
        List.of());
  }
}
