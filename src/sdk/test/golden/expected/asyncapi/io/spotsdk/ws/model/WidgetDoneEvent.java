// Generated from spec/spot-ws-api.yaml by generator-templates/asyncapi. Do not edit.
package io.spotsdk.ws.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.spotsdk.model.Widget;
import java.util.List;

/**
 * <p>&#64;since-looking text first: a widget reached a final status (&lt;b&gt;DONE&lt;/b&gt; &amp; more); not a *&#47; comment end.
 * <p>Generated from the spec; immutable. Unknown fields are ignored so that new server fields never break decoding.
 *
 * @param eventType {@code e}: Event type.
 * @param eventTime {@code E}: Event time (ms) {&#64;code not a tag} &amp; &#64;not_a_tag.
 * @param widget {@code widget}: &#64;deprecated is not meant: a placed widget. Decimals travel as JSON strings, e.g. &lt;b&gt;"1.5"&lt;/b&gt; &amp; never *&#47; numbers.
 * @param detail {@code detail}; null when the payload does not carry it
 * @param tags {@code tags}; null when the payload does not carry it
 * @param extra {@code extra}; null when the payload does not carry it
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
