package io.spotsdk.reconcile;

import io.spotsdk.core.ParamSink;
import io.spotsdk.core.RequestParams;
import java.util.Map;
import java.util.TreeMap;

/**
 * The params of a spec-declared settling query, taken as strings from the request that was sent. Binance's numeric
 * ids (orderId, orderListId) go out as numbers, so that a WebSocket request carries them as JSON numbers as the
 * typed request classes do; client order ids stay text even when they look numeric.
 */
final class QueryParams implements RequestParams {
  private final Map<String, String> params;

  QueryParams(Map<String, String> params) {
    this.params = new TreeMap<>(params);
  }

  @Override
  public void validate() {
    // The values passed the original call's rules before it was sent.
  }

  @Override
  public void writeTo(ParamSink sink) {
    params.forEach((name, value) -> {
      Long id = numericId(name, value);
      if (id != null) {
        sink.add(name, id);
      } else {
        sink.add(name, value);
      }
    });
  }

  private static Long numericId(String name, String value) {
    if (!name.endsWith("Id") || name.contains("Client") || value == null) {
      return null;
    }
    try {
      return Long.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "QueryParams" + params;
  }
}
