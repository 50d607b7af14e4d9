package io.guardwall.aws;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps an SDK client interface and counts the calls made through it, by method name. A paginator
 * runs on the proxy (the interface builds it over the client it is called on), so each page it
 * fetches is counted as the call it makes.
 */
final class CallCounter {
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  /** {@code target} seen through a proxy that counts every call before passing it on. */
  <T> T wrap(Class<T> type, T target) {
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) -> {
              if (method.isDefault() && method.getName().endsWith("Paginator")) {
                return InvocationHandler.invokeDefault(p, method, args);
              }
              counts.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
    return type.cast(proxy);
  }

  int count(String method) {
    AtomicInteger n = counts.get(method);
    return n == null ? 0 : n.get();
  }
}
