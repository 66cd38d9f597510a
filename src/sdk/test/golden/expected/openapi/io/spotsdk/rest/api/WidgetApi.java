package io.spotsdk.rest.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.spotsdk.InvalidRequestException;
import io.spotsdk.core.Meaning;
import io.spotsdk.core.OperationDescriptor;
import io.spotsdk.core.ParamRules;
import io.spotsdk.core.ParamSink;
import io.spotsdk.core.RequestParams;
import io.spotsdk.core.RestCaller;
import io.spotsdk.core.SecurityType;
import io.spotsdk.model.*;
import io.spotsdk.outcome.Outcome;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * WidgetApi: operations tagged Widget in spec/spot-rest.yaml. Generated; do not edit.
 * Every method returns an {@link Outcome}; the meaning of each status comes from the spec's {@code x-spot-outcome}.
 */
public final class WidgetApi {

  /** GET /api/v3/widgets: List widgets. */
  public static final OperationDescriptor<List<Widget>> LIST_WIDGETS =
      OperationDescriptor.<List<Widget>>builder("listWidgets", "GET", "/api/v3/widgets", new TypeReference<List<Widget>>() {})
          .security(SecurityType.NONE)
          .weight(2)
          .weightRule("symbols", null, true, 40)
          .changesState(false)
          .status("200", Meaning.SUCCESS)
          .status("4XX", Meaning.REJECTED)
          .status("5XX", Meaning.UNKNOWN)
          .build();

  /** POST /api/v3/widget: Place a widget. */
  public static final OperationDescriptor<Widget> PLACE_WIDGET =
      OperationDescriptor.<Widget>builder("placeWidget", "POST", "/api/v3/widget", new TypeReference<Widget>() {})
          .security(SecurityType.TRADE)
          .weight(1)
          .orderCount(1)
          .changesState(true)
          .clientIdParam("newClientWidgetId")
          .echo("symbol", "symbol")
          .echo("clientWidgetId", "newClientWidgetId")
          .status("200", Meaning.SUCCESS)
          .status("400", Meaning.REJECTED,
              Meaning.byCode(-1006, Meaning.UNKNOWN),
              Meaning.byCode(-1007, Meaning.UNKNOWN))
          .status("429", Meaning.RATE_LIMITED)
          .status("4XX", Meaning.REJECTED)
          .status("5XX", Meaning.UNKNOWN)
          .build();

  private final RestCaller caller;

  public WidgetApi(RestCaller caller) {
    this.caller = Objects.requireNonNull(caller, "caller");
  }

  /**
   * GET /api/v3/widgets: List widgets.
   * Security NONE, weight 2.
   */
  public Outcome<List<Widget>> listWidgets(ListWidgetsRequest request) {
    return caller.call(LIST_WIDGETS, request);
  }

  /** {@code listWidgets} with no parameters. */
  public Outcome<List<Widget>> listWidgets() {
    return listWidgets(new ListWidgetsRequest());
  }

  /**
   * Parameters of {@code listWidgets}: List widgets.
   * <p>Mutable and not thread-safe: build one per call.
   */
  public static final class ListWidgetsRequest implements RequestParams {
    private List<String> symbols;

    /** {@code symbols}: Several symbols, sent as one JSON array. */
    public ListWidgetsRequest symbols(List<String> symbols) {
      this.symbols = symbols;
      return this;
    }

    public List<String> symbols() {
      return symbols;
    }

    @Override
    public void validate() {
    }

    @Override
    public void writeTo(ParamSink sink) {
      sink.addJsonArray("symbols", symbols);
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder("ListWidgetsRequest{");
      if (symbols != null) b.append("symbols=").append(symbols).append(' ');
      return b.append('}').toString();
    }
  }

  /**
   * POST /api/v3/widget: Place a widget.
   * Security TRADE, weight 1; changes state, so it is never resent automatically.
   */
  public Outcome<Widget> placeWidget(PlaceWidgetRequest request) {
    return caller.call(PLACE_WIDGET, request);
  }

  /**
   * Parameters of {@code placeWidget}: Place a widget.
   * <p>{@code timestamp} is added by the signer, never by the caller.
   * <p>{@code signature} is added by the signer, never by the caller.
   * <p>Mutable and not thread-safe: build one per call.
   */
  public static final class PlaceWidgetRequest implements RequestParams {
    private static final Pattern SYMBOL_PATTERN = Pattern.compile("^\\S+$");
    private static final BigDecimal PRICE_MINIMUM = new BigDecimal("0");
    private static final BigDecimal RECV_WINDOW_MINIMUM = new BigDecimal("0");
    private static final BigDecimal RECV_WINDOW_MAXIMUM = new BigDecimal("60000");
    private String symbol;
    private WidgetSide side;
    private BigDecimal price;
    private String newClientWidgetId;
    private BigDecimal recvWindow;

    /** {@code symbol} (required) */
    public PlaceWidgetRequest symbol(String symbol) {
      this.symbol = symbol;
      return this;
    }

    public String symbol() {
      return symbol;
    }

    /** {@code side} (required) */
    public PlaceWidgetRequest side(WidgetSide side) {
      this.side = side;
      return this;
    }

    public WidgetSide side() {
      return side;
    }

    /** {@code price}: Greater than zero; sent exactly as given. */
    public PlaceWidgetRequest price(BigDecimal price) {
      this.price = price;
      return this;
    }

    public BigDecimal price() {
      return price;
    }

    /** {@code newClientWidgetId}: Generated by the SDK before the first attempt when absent. */
    public PlaceWidgetRequest newClientWidgetId(String newClientWidgetId) {
      this.newClientWidgetId = newClientWidgetId;
      return this;
    }

    public String newClientWidgetId() {
      return newClientWidgetId;
    }

    /** {@code recvWindow} */
    public PlaceWidgetRequest recvWindow(BigDecimal recvWindow) {
      this.recvWindow = recvWindow;
      return this;
    }

    public BigDecimal recvWindow() {
      return recvWindow;
    }

    @Override
    public void validate() {
      if (symbol == null) {
        throw InvalidRequestException.missing("placeWidget", "symbol");
      }
      if (side == null) {
        throw InvalidRequestException.missing("placeWidget", "side");
      }
      ParamRules.minLength("placeWidget", "symbol", symbol, 1);
      ParamRules.pattern("placeWidget", "symbol", symbol, SYMBOL_PATTERN);
      ParamRules.known("placeWidget", "side", side);
      ParamRules.minimum("placeWidget", "price", price, PRICE_MINIMUM, true);
      ParamRules.minLength("placeWidget", "newClientWidgetId", newClientWidgetId, 1);
      ParamRules.maxLength("placeWidget", "newClientWidgetId", newClientWidgetId, 36);
      ParamRules.minimum("placeWidget", "recvWindow", recvWindow, RECV_WINDOW_MINIMUM, true);
      ParamRules.maximum("placeWidget", "recvWindow", recvWindow, RECV_WINDOW_MAXIMUM, false);
    }

    @Override
    public void writeTo(ParamSink sink) {
      sink.add("symbol", symbol);
      sink.add("side", side);
      sink.add("price", price);
      sink.add("newClientWidgetId", newClientWidgetId);
      sink.add("recvWindow", recvWindow);
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder("PlaceWidgetRequest{");
      if (symbol != null) b.append("symbol=").append(symbol).append(' ');
      if (side != null) b.append("side=").append(side).append(' ');
      if (price != null) b.append("price=").append(price).append(' ');
      if (newClientWidgetId != null) b.append("newClientWidgetId=").append(newClientWidgetId).append(' ');
      if (recvWindow != null) b.append("recvWindow=").append(recvWindow).append(' ');
      return b.append('}').toString();
    }
  }
}
