package io.spotsdk.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * <p>The error payload.
 * <p>Generated from the spec; immutable. Unknown fields are ignored so that new server fields never break decoding.
 *
 * @param code {@code code}; null when the payload does not carry it
 * @param msg {@code msg}; null when the payload does not carry it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(
    @JsonProperty("code") Integer code,
    @JsonProperty("msg") String msg
) {
}
