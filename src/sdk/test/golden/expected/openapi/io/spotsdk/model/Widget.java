package io.spotsdk.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonValue;
import io.spotsdk.model.WidgetSide;
import io.spotsdk.model.WidgetStatus;
import java.math.BigDecimal;
import java.util.Arrays;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * <p>@deprecated is not meant: a placed widget. Decimals travel as JSON strings, e.g. &lt;b&gt;\&quot;1.5\&quot;&lt;/b&gt; &amp; never *_/ numbers.
 * <p>Generated from the spec; immutable. Unknown fields are ignored so that new server fields never break decoding.
 *
 * @param symbol {@code symbol}; null when the payload does not carry it
 * @param widgetId {@code widgetId}; null when the payload does not carry it
 * @param clientWidgetId {@code clientWidgetId}: The client id the caller or the SDK chose; at most 36 of [A-Za-z0-9-_.:/] &lt;like this&gt; &amp; @that.
 * @param price {@code price}; null when the payload does not carry it
 * @param quoteQuantity {@code Q}: A one-letter wire key; x-spot-name names the component.
 * @param side {@code side}; null when the payload does not carry it
 * @param status {@code status}; null when the payload does not carry it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Widget(
    @JsonProperty("symbol") String symbol,
    @JsonProperty("widgetId") Long widgetId,
    @JsonProperty("clientWidgetId") String clientWidgetId,
    @JsonProperty("price") BigDecimal price,
    @JsonProperty("Q") BigDecimal quoteQuantity,
    @JsonProperty("side") WidgetSide side,
    @JsonProperty("status") WidgetStatus status
) {
}
