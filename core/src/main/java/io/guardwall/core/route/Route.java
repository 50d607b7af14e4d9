package io.guardwall.core.route;

/** The flows an event can be routed to; each has one EventBridge pattern file. */
public enum Route {
  /** Findings whose remote addresses may be blocked. */
  BLOCK("block.json"),
  /** Findings that may be worth a Slack alert. */
  NOTIFY("notify.json");

  private final String resource;

  Route(String resource) {
    this.resource = resource;
  }

  String resource() {
    return resource;
  }
}
