package io.guardwall.lambda;

import java.lang.reflect.Proxy;

/**
 * A port a function has no permission for: any call is a wiring error, named as such. Stateless.
 */
final class Unavailable {

  private Unavailable() {}

  /** Whether {@code port} is one of these stand-ins. */
  static boolean isProxy(Object port) {
    return Proxy.isProxyClass(port.getClass());
  }

  static <T> T port(Class<T> type, String function) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                return null;
              }
              // A target stand-in is named: a flow checks that its targets' names differ.
              if (method.getName().equals("toString") || method.getName().equals("name")) {
                return "Unavailable[" + type.getSimpleName() + "]";
              }
              throw new IllegalStateException(
                  function + " has no " + type.getSimpleName() + ": " + method.getName());
            }));
  }
}
