package io.spotsdk.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotsdk.core.RequestParams;
import io.spotsdk.model.WireEnum;
import io.spotsdk.outcome.Outcome;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Calls an operation by its spec name on a user's API object (the generated REST groups, or WsBlockingApi), with
 * the generated request class filled from a case's params through its public setters: the way a user calls it.
 */
final class OperationInvoker {
  private OperationInvoker() {}

  static Outcome<?> call(List<Object> apis, String operation, JsonNode params) {
    for (Object api : apis) {
      for (Method m : api.getClass().getMethods()) {
        if (!m.getName().equals(operation) || m.getParameterCount() != 1
            || !RequestParams.class.isAssignableFrom(m.getParameterTypes()[0])) {
          continue;
        }
        Object request = build(m.getParameterTypes()[0], params);
        try {
          return (Outcome<?>) m.invoke(api, request);
        } catch (InvocationTargetException e) {
          throw new AssertionError(operation + " threw instead of returning an outcome", e.getCause());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new AssertionError("no API method '" + operation + "' taking a request object");
  }

  private static Object build(Class<?> type, JsonNode params) {
    Object request;
    try {
      request = type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " has no public no-argument constructor", e);
    }
    Iterator<Map.Entry<String, JsonNode>> it = params.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> p = it.next();
      Method setter = setter(type, p.getKey());
      try {
        setter.invoke(request, value(setter.getParameterTypes()[0], p.getValue(), p.getKey()));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot set " + p.getKey(), e);
      }
    }
    return request;
  }

  private static Method setter(Class<?> type, String name) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 1 && m.getReturnType() == type) {
        return m;
      }
    }
    throw new AssertionError(type.getSimpleName() + " has no parameter '" + name + "'");
  }

  private static Object value(Class<?> t, JsonNode v, String name) throws ReflectiveOperationException {
    if (t == String.class) {
      return v.asText();
    } else if (t == Long.class) {
      return v.asLong();
    } else if (t == Integer.class) {
      return v.asInt();
    } else if (t == Boolean.class) {
      return v.asBoolean();
    } else if (t == BigDecimal.class) {
      return new BigDecimal(v.asText());
    } else if (t == List.class) {
      List<String> list = new ArrayList<>();
      v.forEach(x -> list.add(x.asText()));
      return list;
    } else if (WireEnum.class.isAssignableFrom(t)) {
      return t.getMethod("fromValue", String.class).invoke(null, v.asText());
    }
    throw new AssertionError("parameter '" + name + "' has a type the runner cannot fill: " + t);
  }
}
