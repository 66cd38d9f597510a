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
import io.spotsdk.core.Settlement;
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

  /** How {@code listWidgets} is sent and its answer read (GET /api/v3/widgets): List widgets. */
  public static final OperationDescriptor<List<Widget>> LIST_WIDGETS =
      OperationDescriptor.<List<Widget>>builder("listWidgets", "GET", "/api/v3/widgets", new TypeReference<List<Widget>>() {})
          .security(SecurityType.NONE)
          .weight(2)
          .weightRange("symbols", true, 1L, 50L, 4, 0)
          .weightRange("symbols", true, 51L, Long.MAX_VALUE, 0, 200)
          .weightRule("symbols", null, true, 40)
          .oneOrMany(true)
          .changesState(false)
          .status("200", Meaning.SUCCESS)
          .status("4XX", Meaning.REJECTED)
          .status("5XX", Meaning.UNKNOWN)
          .build();

  /** How {@code placeWidget} is sent and its answer read (POST /api/v3/widget): Place a widget. */
  public static final OperationDescriptor<Widget> PLACE_WIDGET =
      OperationDescriptor.<Widget>builder("placeWidget", "POST", "/api/v3/widget", new TypeReference<Widget>() {})
          .security(SecurityType.TRADE)
          .weight(1)
          .orderCount(1)
          .changesState(true)
          .clientIdParam("newClientWidgetId")
          .echo("symbol", "symbol")
          .echo("clientWidgetId", "newClientWidgetId")
          .settledBy(Settlement.of("widget", "listWidgets", "EXISTS", "symbols", "symbol"))
          .settledBy(Settlement.of("change", "listWidgets", "LISTED", "symbols", "widget.symbol").withMatch("symbol", "symbol", "id", "symbol"))
          .status("200", Meaning.SUCCESS)
          .status("400", Meaning.REJECTED,
              Meaning.byCode(-1006, Meaning.UNKNOWN),
              Meaning.byCode(-1007, Meaning.UNKNOWN))
          .status("429", Meaning.RATE_LIMITED)
          .status("4XX", Meaning.REJECTED)
          .status("5XX", Meaning.UNKNOWN)
          .build();

  /** Every operation of this group, in the order of the spec. */
  public static final List<OperationDescriptor<?>> ALL = List.of(
      LIST_WIDGETS,
      PLACE_WIDGET);

  private final RestCaller caller;

  /**
   * The operations over a runtime; {@link io.spotsdk.SpotRestClient} makes one, so user code rarely needs to.
   *
   * @param caller the runtime that signs, sends and classifies each call
   */
  public WidgetApi(RestCaller caller) {
    this.caller = Objects.requireNonNull(caller, "caller");
  }

  /**
   * GET /api/v3/widgets: List widgets.
   * <p>Security NONE, weight 2.
   * Outcome by status:
   * <ul>
   *   <li>200 (SUCCESS): the widgets</li>
   *   <li>4XX (REJECTED): Any other 4XX. Not executed.</li>
   *   <li>5XX (UNKNOWN): Execution status unknown.</li>
   * </ul>
   *
   * @param request the parameters; checked against the spec's rules before anything is sent
   * @return the outcome; the meaning of each status comes from the spec
   */
  public Outcome<List<Widget>> listWidgets(ListWidgetsRequest request) {
    return caller.call(LIST_WIDGETS, request);
  }

  /**
   * {@code listWidgets} with no parameters.
   *
   * @return the outcome; the meaning of each status comes from the spec
   */
  public Outcome<List<Widget>> listWidgets() {
    return listWidgets(new ListWidgetsRequest());
  }

  /**
   * Parameters of {@code listWidgets}: List widgets.
   * <p>Mutable and not thread-safe: build one per call.
   */
  public static final class ListWidgetsRequest implements RequestParams {
    private List<String> symbols;

    /** An empty request: set what the call needs, then pass it to {@code listWidgets}. */
    public ListWidgetsRequest() {}

    /**
     * Sets {@code symbols}; null leaves it out. Several symbols, sent as one JSON array.
     *
     * @param symbols the value to send
     * @return this request
     */
    public ListWidgetsRequest symbols(List<String> symbols) {
      this.symbols = symbols;
      return this;
    }

    /**
     * The {@code symbols} to send.
     *
     * @return the value set, or null when it is not sent
     */
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
   * <p>Places a widget at a price &lt;&#x3D; the limit &amp; returns it. Ask ops@example.invalid, not @param; a comment end *_/ and a backslash-u \\u002a/ stay text.
   * <p>Security TRADE, weight 1; changes state, so it is never resent automatically.
   * Outcome by status:
   * <ul>
   *   <li>200 (SUCCESS): the placed widget</li>
   *   <li>400 (REJECTED; code -1006: UNKNOWN; code -1007: UNKNOWN): Rejected, unless the code says otherwise.</li>
   *   <li>429 (RATE_LIMITED): Rate limited.</li>
   *   <li>4XX (REJECTED): Any other 4XX. Not executed.</li>
   *   <li>5XX (UNKNOWN): Execution status unknown.</li>
   * </ul>
   *
   * @param request the parameters; checked against the spec's rules before anything is sent
   * @return the outcome; the meaning of each status comes from the spec
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

    /** An empty request: set what the call needs, then pass it to {@code placeWidget}. */
    public PlaceWidgetRequest() {}

    /**
     * Sets {@code symbol} (required).
     *
     * @param symbol the value to send
     * @return this request
     */
    public PlaceWidgetRequest symbol(String symbol) {
      this.symbol = symbol;
      return this;
    }

    /**
     * The {@code symbol} to send.
     *
     * @return the value set, or null when it is not sent
     */
    public String symbol() {
      return symbol;
    }

    /**
     * Sets {@code side} (required).
     *
     * @param side the value to send
     * @return this request
     */
    public PlaceWidgetRequest side(WidgetSide side) {
      this.side = side;
      return this;
    }

    /**
     * The {@code side} to send.
     *
     * @return the value set, or null when it is not sent
     */
    public WidgetSide side() {
      return side;
    }

    /**
     * Sets {@code price}; null leaves it out. @return-looking text first: greater than zero (&gt; 0 &amp; &lt; 10^9); sent exactly as given.
     *
     * @param price the value to send
     * @return this request
     */
    public PlaceWidgetRequest price(BigDecimal price) {
      this.price = price;
      return this;
    }

    /**
     * The {@code price} to send.
     *
     * @return the value set, or null when it is not sent
     */
    public BigDecimal price() {
      return price;
    }

    /**
     * Sets {@code newClientWidgetId}; null leaves it out. Generated by the SDK before the first attempt when absent.
     *
     * @param newClientWidgetId the value to send
     * @return this request
     */
    public PlaceWidgetRequest newClientWidgetId(String newClientWidgetId) {
      this.newClientWidgetId = newClientWidgetId;
      return this;
    }

    /**
     * The {@code newClientWidgetId} to send.
     *
     * @return the value set, or null when it is not sent
     */
    public String newClientWidgetId() {
      return newClientWidgetId;
    }

    /**
     * Sets {@code recvWindow}; null leaves it out.
     *
     * @param recvWindow the value to send
     * @return this request
     */
    public PlaceWidgetRequest recvWindow(BigDecimal recvWindow) {
      this.recvWindow = recvWindow;
      return this;
    }

    /**
     * The {@code recvWindow} to send.
     *
     * @return the value set, or null when it is not sent
     */
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
