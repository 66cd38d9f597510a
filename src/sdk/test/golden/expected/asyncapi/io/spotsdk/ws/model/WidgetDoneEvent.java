// Generated from spec/spot-ws-api.yaml by generator-templates/asyncapi. Do not edit.
package io.spotsdk.ws.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.spotsdk.model.Widget;
import java.util.List;

/**
 * A widget reached a final status. Generated from the spec; immutable.
 * Unknown fields are ignored so that new server fields never break decoding.
 * @param eventType Event type.
 * @param eventTime Event time (ms).
 * @param widget A placed widget. Decimals travel as JSON strings.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WidgetDoneEvent(
    @JsonProperty("e") String eventType,
    @JsonProperty("E") Long eventTime,
    @JsonProperty("widget") Widget widget,
    @JsonProperty("detail") WidgetDetail detail,
    @JsonProperty("tags") List<String> tags,
    @JsonProperty("extra") JsonNode extra
) {
}
