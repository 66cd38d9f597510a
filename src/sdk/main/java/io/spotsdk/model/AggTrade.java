package io.spotsdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * An aggregate trade (spec schema {@code AggTrade}, mapped here by schemaMappings): the fills of one taker order at
 * one price and time, summed. The wire keys are single letters ({@code m} and {@code M} differ only by case), so the
 * Java names are spelled out. Unknown fields are ignored.
 *
 * @param aggregateTradeId {@code a}
 * @param price {@code p}
 * @param quantity {@code q}
 * @param firstTradeId {@code f}
 * @param lastTradeId {@code l}
 * @param time {@code T}, ms
 * @param buyerMaker {@code m}: was the buyer the maker?
 * @param bestMatch {@code M}: was it the best price match?
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AggTrade(
    @JsonProperty("a") Long aggregateTradeId,
    @JsonProperty("p") BigDecimal price,
    @JsonProperty("q") BigDecimal quantity,
    @JsonProperty("f") Long firstTradeId,
    @JsonProperty("l") Long lastTradeId,
    @JsonProperty("T") Long time,
    @JsonProperty("m") Boolean buyerMaker,
    @JsonProperty("M") Boolean bestMatch) {}
