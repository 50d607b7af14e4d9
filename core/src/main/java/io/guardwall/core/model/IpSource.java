package io.guardwall.core.model;

/** The part of a finding a remote address was taken from; the block policy depends on it. */
public enum IpSource {
  NETWORK_CONNECTION,
  PORT_PROBE,
  AWS_API_CALL,
  KUBERNETES_API_CALL,
  RDS_LOGIN_ATTEMPT,
  /** Found only in ASFF {@code ProductFields} or another place that does not say which action. */
  OTHER
}
