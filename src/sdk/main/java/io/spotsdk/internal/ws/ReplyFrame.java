package io.spotsdk.internal.ws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.spotsdk.model.RateLimit;
import io.spotsdk.model.RateLimitInterval;
import io.spotsdk.model.RateLimitType;
import io.spotsdk.outcome.RateLimitUsage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A reply frame of the usual shape, read in one streaming pass: {@code id} and {@code status} as numbers, the
 * {@code result} kept as tokens (bound later, and only for a success), the {@code error}'s code, msg and data, and
 * {@code rateLimits} straight into usage. No tree of the frame is built.
 *
 * <p>Anything else (an event, an id that is not a number, a missing or odd status, a repeated key, a value of an
 * unexpected kind, text that is not JSON) makes {@link #read} return null, and the frame takes the connection's
 * general route, which reads it as a tree and judges it exactly as before. Reading has no side effect, so that
 * fallback sees the frame whole.
 */
final class ReplyFrame {
  private static final int ID = 1;
  private static final int STATUS = 2;
  private static final int RESULT = 4;
  private static final int ERROR = 8;
  private static final int RATE_LIMITS = 16;

  long id;
  int status;
  /** Null when the frame has no result or a JSON null. */
  TokenBuffer result;
  Integer code;
  String msg;
  JsonNode data;
  RateLimitUsage usage = RateLimitUsage.EMPTY;

  private ReplyFrame() {}

  /** The frame's parts, or null when it is not of the usual shape. */
  static ReplyFrame read(ObjectMapper mapper, String raw) {
    try (JsonParser p = mapper.createParser(raw)) {
      return read(mapper, p);
    } catch (IOException | RuntimeException e) {
      return null; // the general route reads it again and says what is wrong with it
    }
  }

  private static ReplyFrame read(ObjectMapper mapper, JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    ReplyFrame f = new ReplyFrame();
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      int key;
      switch (name) {
        case "id":
          if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return null;
          }
          f.id = p.getLongValue();
          key = ID;
          break;
        case "status":
          if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            return null;
          }
          f.status = p.getIntValue();
          key = STATUS;
          break;
        case "result":
          if (t != JsonToken.VALUE_NULL) {
            TokenBuffer tokens = new TokenBuffer(p);
            tokens.copyCurrentStructure(p);
            f.result = tokens;
          }
          key = RESULT;
          break;
        case "error":
          if (t != JsonToken.START_OBJECT || !f.readError(mapper, p)) {
            return null;
          }
          key = ERROR;
          break;
        case "rateLimits":
          if (!f.readRateLimits(p)) {
            return null;
          }
          key = RATE_LIMITS;
          break;
        case "event":
          return null;
        default:
          p.skipChildren();
          key = 0;
      }
      if ((seen & key) != 0) {
        return null; // a repeated key: the tree keeps the last, and says so
      }
      seen |= key;
    }
    if (f.result != null && (seen & ERROR) != 0) {
      return null; // result and error together break the envelope: the tree route says so
    }
    return (seen & (ID | STATUS)) == (ID | STATUS) ? f : null;
  }

  private boolean readError(ObjectMapper mapper, JsonParser p) throws IOException {
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      int key;
      switch (name) {
        case "code":
          if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            return false;
          }
          code = p.getIntValue();
          key = 1;
          break;
        case "msg":
          if (t != JsonToken.VALUE_STRING) {
            return false;
          }
          msg = p.getText();
          key = 2;
          break;
        case "data":
          data = t == JsonToken.VALUE_NULL ? null : mapper.readTree(p);
          key = 4;
          break;
        default:
          p.skipChildren();
          key = 0;
      }
      if ((seen & key) != 0) {
        return false;
      }
      seen |= key;
    }
    return true;
  }

  /** Entries of the usual shape only; anything else is left to the general route's binding. */
  private boolean readRateLimits(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_ARRAY) {
      if (t == JsonToken.START_OBJECT) {
        p.skipChildren();
      }
      return true; // not an array: no usage, as on the general route
    }
    List<RateLimit> entries = null;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_NULL) {
        continue;
      }
      if (t != JsonToken.START_OBJECT) {
        return false;
      }
      RateLimit r = readRateLimit(p);
      if (r == null) {
        return false;
      }
      if (entries == null) {
        entries = new ArrayList<>(4);
      }
      entries.add(r);
    }
    usage = entries == null ? RateLimitUsage.EMPTY : RateLimitUsage.fromRateLimits(entries);
    return true;
  }

  private static RateLimit readRateLimit(JsonParser p) throws IOException {
    RateLimitType type = null;
    RateLimitInterval interval = null;
    Integer intervalNum = null;
    Long limit = null;
    Long count = null;
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      int key;
      switch (name) {
        case "rateLimitType":
          if (t != JsonToken.VALUE_STRING) {
            return null;
          }
          type = RateLimitType.fromValue(p.getText());
          key = 1;
          break;
        case "interval":
          if (t != JsonToken.VALUE_STRING) {
            return null;
          }
          interval = RateLimitInterval.fromValue(p.getText());
          key = 2;
          break;
        case "intervalNum":
          if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            return null;
          }
          intervalNum = p.getIntValue();
          key = 4;
          break;
        case "limit":
          if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return null;
          }
          limit = p.getLongValue();
          key = 8;
          break;
        case "count":
          if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return null;
          }
          count = p.getLongValue();
          key = 16;
          break;
        default:
          p.skipChildren();
          key = 0;
      }
      if ((seen & key) != 0) {
        return null;
      }
      seen |= key;
    }
    return new RateLimit(type, interval, intervalNum, limit, count);
  }
}
