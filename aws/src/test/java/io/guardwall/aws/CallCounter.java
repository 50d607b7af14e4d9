package io.guardwall.aws;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/** Wraps an SDK client interface and counts the calls made through it, by method name. */
final class CallCounter {
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  /** {@code target} seen through a proxy that counts every call before passing it on. */
  <T> T wrap(Class<T> type, T target) {
    return observe(
        type,
        target,
        (method, result) ->
            counts.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet());
  }

  int count(String method) {
    AtomicInteger n = counts.get(method);
    return n == null ? 0 : n.get();
  }

  /**
   * {@code target} seen through a proxy that tells {@code onCall} each call's method name and
   * result. A paginator runs on the proxy (the interface builds it over the client it is called
   * on), so each page it fetches is seen as the call it makes.
   */
  static <T> T observe(Class<T> type, T target, BiConsumer<String, Object> onCall) {
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) -> {
              if (method.isDefault() && method.getName().endsWith("Paginator")) {
                return InvocationHandler.invokeDefault(p, method, args);
              }
              try {
                Object result = method.invoke(target, args);
                onCall.accept(method.getName(), result);
                return result;
              } catch (InvocationTargetException e) {
                onCall.accept(method.getName(), null);
                throw e.getCause();
              }
            });
    return type.cast(proxy);
  }
}
