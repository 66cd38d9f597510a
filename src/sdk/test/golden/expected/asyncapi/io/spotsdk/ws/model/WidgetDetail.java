// Generated from spec/spot-ws-api.yaml by generator-templates/asyncapi. Do not edit.
package io.spotsdk.ws.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * <p>Generated from the spec; immutable. Unknown fields are ignored so that new server fields never break decoding.
 *
 * @param note {@code note}: Free text; null when none.
 * @param fee {@code fee}; null when the payload does not carry it
 * @param legs {@code legs}; null when the payload does not carry it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WidgetDetail(
    @JsonProperty("note") String note,
    @JsonProperty("fee") BigDecimal fee,
    @JsonProperty("legs") Integer legs
) {
}
