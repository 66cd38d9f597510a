package io.spotsdk.bench.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.spotsdk.model.ErrorBody;
import io.spotsdk.model.Order;
import io.spotsdk.model.RateLimit;
import java.util.List;

/** A WebSocket API reply to order.place, bound in one pass by the raw client. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WsOrderReply(Long id, int status, Order result, ErrorBody error, List<RateLimit> rateLimits) {}
