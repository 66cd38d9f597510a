package io.spotsdk.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.spotsdk.core.Meaning;
import io.spotsdk.core.StatusMeanings;
import io.spotsdk.model.CancelReplaceResponse;
import io.spotsdk.outcome.ErrorDetails;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.outcome.ResponseHeaders;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.ratelimit.RateLimitUsage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a response into an {@link Outcome}, for REST and WebSocket alike. Which meaning a status has is not
 * decided here: it comes from the operation's {@link StatusMeanings}, generated from the spec. This class only
 * builds the outcome that meaning calls for, keeping everything the response carried.
 */
public final class OutcomeClassifier {
  private static final Pattern BANNED_UNTIL = Pattern.compile("banned until (\\d{10,})");

  private final ObjectMapper mapper;
  private final Clock clock;
  // One reader per result type, made on first use: generated descriptors hold their TypeReference constants.
  private final Map<TypeReference<?>, ObjectReader> readers = new ConcurrentHashMap<>();

  public OutcomeClassifier(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** A REST response: Retry-After is in seconds. */
  public <T> Outcome<T> fromHttp(StatusMeanings meanings, TypeReference<T> resultType, int status, ResponseHeaders headers,
      byte[] body, Supplier<RequestRecord> request) {
    RateLimitUsage usage = RateLimitUsage.fromHeaders(headers);
    if (isSuccess(meanings, status)) {
      return success(status, headers, usage, () -> body.length == 0 ? null : reader(resultType).readValue(body),
          () -> text(body), request);
    }
    ErrorDetails details = details(status, parseObject(body), headers, text(body));
    Instant retryAt = retryAtFromSeconds(headers.first("Retry-After"));
    return failure(meanings, details, usage, retryAt, request, "");
  }

  /** A WebSocket reply: {@code error.data.retryAfter} is an epoch-ms instant. */
  public <T> Outcome<T> fromWs(StatusMeanings meanings, TypeReference<T> resultType, int status, JsonNode result,
      JsonNode error, RateLimitUsage usage, String rawFrame, Supplier<RequestRecord> request) {
    if (isSuccess(meanings, status)) {
      return success(status, ResponseHeaders.EMPTY, usage,
          () -> result == null || result.isNull() ? null : reader(resultType).readValue(result), () -> rawFrame, request);
    }
    ErrorDetails details = details(status, error, ResponseHeaders.EMPTY, rawFrame);
    Instant retryAt = null;
    if (details.data() != null && details.data().path("retryAfter").canConvertToLong()) {
      retryAt = Instant.ofEpochMilli(details.data().path("retryAfter").asLong());
    }
    // Binance: after a WebSocket 5XX "you might also want to establish a new WebSocket connection".
    return failure(meanings, details, usage, retryAt, request,
        "; a new WebSocket connection may be wise (SpotWsApiClient.reconnect())");
  }

  /** Reads a success body; may fail. */
  private interface Decode<T> {
    T value() throws java.io.IOException;
  }

  private static boolean isSuccess(StatusMeanings meanings, int status) {
    return status >= 200 && status < 300 && meanings.resolve(status, null) == Meaning.SUCCESS;
  }

  /** A success whose body cannot be read is not a failure either: the request was executed, so it is unknown. */
  private <T> Outcome<T> success(int status, ResponseHeaders headers, RateLimitUsage usage, Decode<T> decode,
      Supplier<String> raw, Supplier<RequestRecord> request) {
    try {
      return new Outcome.Success<>(decode.value(), status, headers, usage);
    } catch (java.io.IOException | RuntimeException e) {
      ErrorDetails d = new ErrorDetails(status, null, null, null, headers, raw.get());
      return new Outcome.Unknown<>(UnknownCause.UNREADABLE_RESPONSE, d, usage, request.get(),
          "success status but the body could not be read: " + e.getClass().getSimpleName());
    }
  }

  private ObjectReader reader(TypeReference<?> type) {
    return readers.computeIfAbsent(type, mapper::readerFor);
  }

  /** {@code serverErrorHint} is added to the explanation of a 5XX unknown. */
  private <T> Outcome<T> failure(StatusMeanings meanings, ErrorDetails d, RateLimitUsage usage, Instant retryAt,
      Supplier<RequestRecord> request, String serverErrorHint) {
    Meaning byStatus = meanings.resolve(d.status(), null);
    Meaning meaning = meanings.resolve(d.status(), d.code());
    switch (meaning) {
      case SUCCESS:
        // A success meaning on a status outside 2XX would be a spec mistake; refuse to guess.
        return new Outcome.Unknown<>(UnknownCause.UNEXPECTED_STATUS, d, usage, request.get(),
            "status " + d.status() + " is declared SUCCESS but carries no result");
      case REJECTED:
        return new Outcome.Rejected<>(d, usage, halves(d), request.get());
      case RATE_LIMITED: {
        Duration wait = retryAt == null ? null : nonNegative(Duration.between(clock.instant(), retryAt));
        return new Outcome.RateLimited<>(d, usage, wait, retryAt, request.get());
      }
      case IP_BANNED:
        return new Outcome.IpBanned<>(d, usage, retryAt != null ? retryAt : bannedUntilFromMsg(d.msg()), request.get());
      case WAF_BLOCKED:
        return new Outcome.WafBlocked<>(d, usage, request.get());
      case PARTIAL:
        return new Outcome.PartiallyExecuted<>(d, usage, halves(d), request.get());
      case UNKNOWN:
      default: {
        UnknownCause cause;
        if (byStatus != Meaning.UNKNOWN) {
          cause = UnknownCause.UNKNOWN_ERROR_CODE;
        } else if (!meanings.declares(d.status())) {
          cause = UnknownCause.UNEXPECTED_STATUS;
        } else {
          cause = UnknownCause.SERVER_ERROR;
        }
        String hint = cause == UnknownCause.SERVER_ERROR ? serverErrorHint : "";
        return new Outcome.Unknown<>(cause, d, usage, request.get(), explain(cause, d) + hint);
      }
    }
  }

  private static String explain(UnknownCause cause, ErrorDetails d) {
    switch (cause) {
      case UNKNOWN_ERROR_CODE:
        return "Binance code " + d.code() + " means the execution status is unknown";
      case UNEXPECTED_STATUS:
        return "status " + d.status() + " is not declared in the spec";
      default:
        return "status " + d.status() + " is an internal error on Binance's side; execution status unknown";
    }
  }

  private CancelReplaceResponse halves(ErrorDetails d) {
    if (d.data() == null || !(d.data().has("cancelResult") || d.data().has("newOrderResult"))) {
      return null;
    }
    try {
      return mapper.treeToValue(d.data(), CancelReplaceResponse.class);
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  private ErrorDetails details(int status, JsonNode err, ResponseHeaders headers, String raw) {
    Integer code = null;
    String msg = null;
    JsonNode data = null;
    if (err != null && err.isObject()) {
      JsonNode c = err.get("code");
      if (c != null && c.canConvertToInt()) {
        code = c.asInt();
      }
      JsonNode m = err.get("msg");
      if (m != null && m.isTextual()) {
        msg = m.asText();
      }
      JsonNode dt = err.get("data");
      if (dt != null && !dt.isNull()) {
        data = dt;
      }
    }
    return new ErrorDetails(status, code, msg, data, headers, raw);
  }

  private JsonNode parseObject(byte[] body) {
    int i = 0;
    while (i < body.length && Character.isWhitespace(body[i])) {
      i++;
    }
    if (i == body.length || body[i] != '{') {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  private Instant retryAtFromSeconds(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return clock.instant().plusSeconds(Math.max(0, seconds));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Instant bannedUntilFromMsg(String msg) {
    if (msg == null) {
      return null;
    }
    Matcher m = BANNED_UNTIL.matcher(msg);
    return m.find() ? Instant.ofEpochMilli(Long.parseLong(m.group(1))) : null;
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }
}
