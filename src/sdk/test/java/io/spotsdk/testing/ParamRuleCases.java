package io.spotsdk.testing;

import io.spotsdk.model.OrderSide;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;

/**
 * Input that breaks a rule the spec declares, one table for both transports: the REST request classes and the
 * WebSocket params classes have the same parameter names, so the same cases run against both and show that the
 * two documents did not drift apart.
 */
public final class ParamRuleCases {
  private ParamRuleCases() {}

  /** Setting {@code param} to {@code value} on a valid order breaks {@code rule}. */
  public record Case(String label, String param, Object value, String rule) {
    @Override
    public String toString() {
      return label;
    }
  }

  public static final String FORTY_CHARS = "a".repeat(40);

  /** On an order placement (newOrder / order.place). */
  public static List<Case> onAnOrder() {
    return List.of(
        new Case("empty symbol", "symbol", "", "minLength 1"),
        new Case("blank symbol", "symbol", "   ", "pattern ^\\S+$"),
        new Case("symbol with a space", "symbol", "BTC USDT", "pattern ^\\S+$"),
        new Case("zero quantity", "quantity", BigDecimal.ZERO, "exclusiveMinimum 0"),
        new Case("zero quantity with decimals", "quantity", new BigDecimal("0.00000000"), "exclusiveMinimum 0"),
        new Case("negative quantity", "quantity", new BigDecimal("-1"), "exclusiveMinimum 0"),
        new Case("zero price", "price", new BigDecimal("0"), "exclusiveMinimum 0"),
        new Case("negative price", "price", new BigDecimal("-0.1"), "exclusiveMinimum 0"),
        new Case("zero quoteOrderQty", "quoteOrderQty", BigDecimal.ZERO, "exclusiveMinimum 0"),
        new Case("zero stopPrice", "stopPrice", BigDecimal.ZERO, "exclusiveMinimum 0"),
        new Case("negative icebergQty", "icebergQty", new BigDecimal("-5"), "exclusiveMinimum 0"),
        new Case("40-character newClientOrderId", "newClientOrderId", FORTY_CHARS, "maxLength 36"),
        new Case("newClientOrderId with #", "newClientOrderId", "my#order", "pattern ^[\\.A-Z\\:/a-z0-9_-]{1,36}$"),
        new Case("newClientOrderId with a space", "newClientOrderId", "my order", "pattern ^[\\.A-Z\\:/a-z0-9_-]{1,36}$"),
        new Case("empty newClientOrderId", "newClientOrderId", "", "minLength 1"),
        new Case("strategyType below its minimum", "strategyType", 999_999, "minimum 1000000"),
        new Case("zero recvWindow", "recvWindow", BigDecimal.ZERO, "exclusiveMinimum 0"),
        new Case("recvWindow above 60000", "recvWindow", new BigDecimal("60000.001"), "maximum 60000"),
        new Case("side this version does not know", "side", OrderSide.fromValue("SIDEWAYS"), "enum"));
  }

  /** Values exactly at the edge of each rule: these are valid and go out unchanged. */
  public static List<Case> edgesOfAnOrder() {
    return List.of(
        new Case("smallest quantity", "quantity", new BigDecimal("0.00000001"), null),
        new Case("smallest price", "price", new BigDecimal("0.00000001"), null),
        new Case("36 characters of every allowed kind", "newClientOrderId", "AZaz09.:/_-" + "x".repeat(25), null),
        new Case("strategyType at its minimum", "strategyType", 1_000_000, null),
        new Case("recvWindow at its maximum", "recvWindow", new BigDecimal("60000"), null));
  }

  /** Calls the fluent setter named {@code param} on a generated request or params object. */
  public static <T> T with(T request, String param, Object value) {
    for (Method m : request.getClass().getMethods()) {
      if (m.getName().equals(param) && m.getParameterCount() == 1 && m.getParameterTypes()[0].isInstance(value)) {
        try {
          m.invoke(request, value);
          return request;
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalArgumentException(request.getClass().getSimpleName() + " has no setter " + param + "("
        + value.getClass().getSimpleName() + ")");
  }
}
