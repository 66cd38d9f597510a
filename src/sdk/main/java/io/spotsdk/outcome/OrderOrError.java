package io.spotsdk.outcome;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.spotsdk.model.ErrorBody;
import io.spotsdk.model.Order;
import java.io.IOException;

/**
 * One half of a cancelReplace answer (spec schema {@code OrderOrError}, mapped here by schemaMappings):
 * the half executed ({@link Executed}) or failed ({@link Failed}). A half that was not attempted is null.
 */
@JsonDeserialize(using = OrderOrError.Decoder.class)
public sealed interface OrderOrError permits OrderOrError.Executed, OrderOrError.Failed {

  /**
   * The half was executed; the order as Binance reported it.
   *
   * @param order the order
   */
  record Executed(Order order) implements OrderOrError {}

  /**
   * The half failed; Binance's error for it. Definitely not executed.
   *
   * @param error Binance's code and message for this half
   */
  record Failed(ErrorBody error) implements OrderOrError {}

  /** An error payload has a numeric {@code code}; an order never does. */
  final class Decoder extends JsonDeserializer<OrderOrError> {
    /** Made by Jackson, as {@link JsonDeserialize} on {@link OrderOrError} names this class. */
    public Decoder() {}

    @Override
    public OrderOrError deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      JsonNode node = p.readValueAsTree();
      if (node == null || node.isNull()) {
        return null;
      }
      if (node.has("code") && node.get("code").isNumber() && !node.has("orderId")) {
        return new Failed(p.getCodec().treeToValue(node, ErrorBody.class));
      }
      return new Executed(p.getCodec().treeToValue(node, Order.class));
    }
  }
}
