package io.spotsdk.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.spotsdk.core.CallDescriptor;
import io.spotsdk.core.Meaning;
import io.spotsdk.core.StatusMeanings;
import io.spotsdk.model.CancelReplaceResponse;
import io.spotsdk.outcome.ErrorDetails;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.outcome.ResponseHeaders;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.outcome.RateLimitUsage;
import io.spotsdk.ratelimit.WaitBounds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Turns a response into an {@link Outcome}, for REST and WebSocket alike. Which meaning a status has is not
 * decided here: it comes from the operation's {@link StatusMeanings}, generated from the spec. This class only
 * builds the outcome that meaning calls for, keeping everything the response carried.
 *
 * <p>It never throws, whatever the response: the request was written, so an escaping exception would lose an
 * outcome that may be an executed order. Numbers are clamped ({@link RetryInstants}, {@link WaitBounds}), values
 * that cannot be read are left out with the raw response kept, and anything unforeseen becomes
 * {@code Unknown(UNREADABLE_RESPONSE)}.
 */
public final class OutcomeClassifier {
  private final ObjectMapper mapper;
  private final Clock clock;
  // One reader per result type, made on first use: generated descriptors hold their TypeReference constants.
  private final Map<TypeReference<?>, ObjectReader> readers = new ConcurrentHashMap<>();

  public OutcomeClassifier(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** A REST response: Retry-After is in seconds. */
  public <T> Outcome<T> fromHttp(CallDescriptor<T> call, int status, ResponseHeaders headers, byte[] body,
      Supplier<RequestRecord> request) {
    try {
      RateLimitUsage usage = RateLimitUsage.fromHeaders(headers);
      if (isSuccess(call.meanings(), status)) {
        return success(call, status, headers, usage, new BodyResult<>(call, body), () -> text(body), request);
      }
      ErrorDetails details = details(status, parseObject(body), headers, text(body));
      Instant retryAt = RetryInstants.fromSeconds(headers.first("Retry-After"), clock.instant());
      return failure(call.meanings(), details, usage, retryAt, request, "");
    } catch (RuntimeException e) {
      return unclassifiable(call, status, headers, () -> text(body), request, e);
    }
  }

  /** A WebSocket reply read as a tree: {@code error.data.retryAfter} is an epoch-ms instant. */
  public <T> Outcome<T> fromWs(CallDescriptor<T> call, int status, JsonNode result, JsonNode error,
      RateLimitUsage usage, String rawFrame, Supplier<RequestRecord> request) {
    boolean both = result != null && !result.isNull() && error != null && !error.isNull();
    return ws(call, status, new TreeResult<>(call, result), () -> details(status, error, ResponseHeaders.EMPTY, rawFrame),
        usage, rawFrame, request, both);
  }

  /**
   * A WebSocket reply read in one streaming pass: its result as tokens (null when absent or JSON null), its error's
   * code, msg and data as read (all null without an error object).
   */
  public <T> Outcome<T> fromWs(CallDescriptor<T> call, int status, TokenBuffer result, Integer code, String msg,
      JsonNode data, RateLimitUsage usage, String rawFrame, Supplier<RequestRecord> request) {
    return ws(call, status, new TokenResult<>(call, result),
        () -> new ErrorDetails(status, code, msg, data, ResponseHeaders.EMPTY, rawFrame), usage, rawFrame, request,
        false); // ReplyFrame leaves a frame with both a result and an error to the tree route
  }

  private <T> Outcome<T> ws(CallDescriptor<T> call, int status, ResultRead<T> result, Supplier<ErrorDetails> error,
      RateLimitUsage usage, String rawFrame, Supplier<RequestRecord> request, boolean resultAndError) {
    try {
      if (resultAndError) {
        // The envelope declares result and error mutually exclusive: a reply with both cannot say whether the
        // request was carried out, whatever its status.
        return new Outcome.Unknown<>(UnknownCause.UNREADABLE_RESPONSE, error.get(), usage, request.get(),
            call + ": status " + status + " reply carries both a result and an error, which the envelope excludes");
      }
      if (isSuccess(call.meanings(), status)) {
        return success(call, status, ResponseHeaders.EMPTY, usage, result, () -> rawFrame, request);
      }
      ErrorDetails details = error.get();
      Instant retryAt = details.data() == null ? null
          : RetryInstants.fromEpochMillis(details.data().get("retryAfter"), clock.instant());
      // Binance: after a WebSocket 5XX "you might also want to establish a new WebSocket connection".
      return failure(call.meanings(), details, usage, retryAt, request,
          "; a new WebSocket connection may be wise (SpotWsApiClient.reconnect())");
    } catch (RuntimeException e) {
      return unclassifiable(call, status, ResponseHeaders.EMPTY, () -> rawFrame, request, e);
    }
  }

  /**
   * A success result, read once: bound to the call's type, then replayed for the echo check from the same tokens
   * (never parsed a second time, never made a tree for it).
   */
  private interface ResultRead<T> {
    /** The bound value, null when there is none; may fail. */
    T value() throws java.io.IOException;

    /** The result again from its start, for {@link ReplyEcho}; null when there is none. */
    ReplyEcho.Replay replay();
  }

  /**
   * A REST body. Without echoes to check it is bound straight from the bytes; with them it is parsed once into
   * tokens, which are bound and then walked.
   */
  private final class BodyResult<T> implements ResultRead<T> {
    private final CallDescriptor<T> call;
    private final byte[] body;
    private TokenBuffer tokens;

    BodyResult(CallDescriptor<T> call, byte[] body) {
      this.call = call;
      this.body = body;
    }

    @Override
    public T value() throws java.io.IOException {
      if (body.length == 0) {
        return null;
      }
      ObjectReader reader = reader(call);
      if (call.echoes().isEmpty()) {
        return reader.readValue(body);
      }
      try (JsonParser p = mapper.createParser(body)) {
        if (p.nextToken() == null) {
          return reader.readValue(body); // blank: fails as binding the bytes does
        }
        TokenBuffer t = new TokenBuffer(p);
        t.copyCurrentStructure(p);
        tokens = t;
      }
      return reader.readValue(tokens.asParser());
    }

    @Override
    public ReplyEcho.Replay replay() {
      TokenBuffer t = tokens;
      return t == null ? null : t::asParser;
    }
  }

  /** A WebSocket result read as tokens with its frame. */
  private final class TokenResult<T> implements ResultRead<T> {
    private final CallDescriptor<T> call;
    private final TokenBuffer tokens;

    TokenResult(CallDescriptor<T> call, TokenBuffer tokens) {
      this.call = call;
      this.tokens = tokens;
    }

    @Override
    public T value() throws java.io.IOException {
      return tokens == null ? null : reader(call).readValue(tokens.asParser());
    }

    @Override
    public ReplyEcho.Replay replay() {
      return tokens == null ? null : tokens::asParser;
    }
  }

  /** A WebSocket result read as a tree (a frame of unusual shape). */
  private final class TreeResult<T> implements ResultRead<T> {
    private final CallDescriptor<T> call;
    private final JsonNode node;

    TreeResult(CallDescriptor<T> call, JsonNode node) {
      this.call = call;
      this.node = node;
    }

    @Override
    public T value() throws java.io.IOException {
      return node == null || node.isNull() ? null : reader(call).readValue(node);
    }

    @Override
    public ReplyEcho.Replay replay() {
      return node == null ? null : node::traverse;
    }
  }

  private static boolean isSuccess(StatusMeanings meanings, int status) {
    return status >= 200 && status < 300 && meanings.resolve(status, null) == Meaning.SUCCESS;
  }

  /**
   * A success status is a success only with a readable result: with the result the spec requires, and echoing the
   * request. Otherwise the request was executed by something, maybe not as asked: unknown, never a failure.
   */
  private <T> Outcome<T> success(CallDescriptor<T> call, int status, ResponseHeaders headers, RateLimitUsage usage,
      ResultRead<T> result, Supplier<String> raw, Supplier<RequestRecord> request) {
    T value;
    try {
      value = result.value();
    } catch (java.io.IOException | RuntimeException e) {
      return new Outcome.Unknown<>(UnknownCause.UNREADABLE_RESPONSE, bodyOnly(status, headers, raw), usage, request.get(),
          call + ": success status but the body could not be read: " + e.getClass().getSimpleName());
    }
    if (value == null && call.requiresResult()) {
      return new Outcome.Unknown<>(UnknownCause.UNREADABLE_RESPONSE, bodyOnly(status, headers, raw), usage, request.get(),
          call + ": success status but no result, which the spec requires");
    }
    if (!call.echoes().isEmpty()) {
      String mismatch;
      try {
        mismatch = ReplyEcho.mismatch(call.echoes(), result.replay(), request);
      } catch (java.io.IOException | RuntimeException e) {
        mismatch = "the result could not be read to check it (" + e.getClass().getSimpleName() + ")";
      }
      if (mismatch != null) {
        return new Outcome.Unknown<>(UnknownCause.MISMATCHED_REPLY, bodyOnly(status, headers, raw), usage, request.get(),
            call + ": success status, but " + mismatch + "; it may answer another request");
      }
    }
    return new Outcome.Success<>(value, status, headers, usage);
  }

  /** The last line of defence: a response no rule above could classify is unknown, with its raw form kept. */
  private <T> Outcome<T> unclassifiable(CallDescriptor<T> call, int status, ResponseHeaders headers,
      Supplier<String> raw, Supplier<RequestRecord> request, RuntimeException e) {
    return new Outcome.Unknown<>(UnknownCause.UNREADABLE_RESPONSE, bodyOnly(status, headers, raw), RateLimitUsage.EMPTY,
        request.get(), call + ": status " + status + " could not be classified: " + e.getClass().getSimpleName());
  }

  /**
   * A reply arrived that could not be read at all (no valid status, or handling it failed): the request reached the
   * server, so it is unknown, with the raw reply kept when {@code raw} is given.
   */
  public static <T> Outcome<T> unreadableReply(String operation, int status, ResponseHeaders headers, String raw,
      RequestRecord request, String why) {
    return new Outcome.Unknown<>(UnknownCause.UNREADABLE_RESPONSE, raw == null ? null : bodyOnly(status, headers, () -> raw),
        RateLimitUsage.EMPTY, request, operation + ": " + why);
  }

  private static ErrorDetails bodyOnly(int status, ResponseHeaders headers, Supplier<String> raw) {
    return new ErrorDetails(status, null, null, null, headers, raw.get());
  }

  private ObjectReader reader(CallDescriptor<?> call) {
    return readers.computeIfAbsent(call.resultType(), t -> call.oneOrMany()
        ? mapper.readerFor(t).with(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        : mapper.readerFor(t));
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
      case IP_BANNED: {
        Instant until = retryAt != null ? retryAt : RetryInstants.fromBanMsg(d.msg(), clock.instant());
        return new Outcome.IpBanned<>(d, usage, until, request.get());
      }
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
      // Bytes that are not UTF-8 inside a string (a msg) must not cost the code: -1006 would turn into a definite
      // rejection. Read the text as decoded, the bad bytes replaced, as the raw body is kept.
      try {
        return mapper.readTree(text(body));
      } catch (java.io.IOException | RuntimeException again) {
        return null;
      }
    }
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }
}
