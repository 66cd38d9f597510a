package io.spotsdk.core;

import java.util.List;
import java.util.Objects;

/**
 * How an unknown outcome of a state-changing call is settled, as the spec declares it ({@code x-spot-settled-by}):
 * which query answers it, how that query's params are filled from the request that was sent, and what the answer
 * must show for the call to count as executed. A call with two effects (cancelReplace) has one per part.
 *
 * @param part what this settlement is about: {@code order}, {@code list}, {@code cancel}, {@code newOrder}, ...
 * @param operation the query: a REST operationId or a WebSocket method, of the same transport as the call
 * @param effect what the query's answer must show for the call to have executed
 * @param key the query's params, each filled from a param of the request that was sent, or (a {@code from} such as
 *     {@code order.orderId}) from a field of what an earlier part of the same settlement found; for a param named
 *     twice the first value present is taken
 * @param legs for an order list: the query of one leg (by {@code symbol} and {@code orderId}), or null
 * @param match for {@link Effect#LISTED}: the fields an entry of the answer must have, each equal to a param of the
 *     request (a param the request did not send is not compared); empty otherwise
 */
public record Settlement(String part, String operation, Effect effect, List<KeyParam> key, String legs,
    List<KeyParam> match) {
  /** What "executed" looks like in the query's answer. */
  public enum Effect {
    /** The thing the call creates (or renames to) is found; missing twice, the last after the window: not executed. */
    EXISTS,
    /** The target is found canceled; found ended otherwise, still open after the window, or missing: not executed. */
    CANCELED,
    /** The query lists no open order any more. */
    NONE_OPEN,
    /**
     * The query's answer, a list, holds an entry whose {@link #match()} fields equal the request's params (an amend:
     * an amendment with the request's newClientOrderId and newQty); not listed by two answers, the last after the
     * window: not executed.
     */
    LISTED
  }

  /**
   * One param of the settling query, taken from the request that was sent (in a {@link #match()}: one field of a
   * listed entry, compared with a param of the request).
   *
   * @param param the query's param (in a match: the entry's field)
   * @param from the param of the original request whose value it takes, or {@code <part>.<field>}
   */
  public record KeyParam(String param, String from) {}

  /**
   * Copies the key.
   *
   * @param part what the settlement is about
   * @param operation the settling query
   * @param effect what executed looks like
   * @param key the query's params
   * @param legs the query of one leg of a list, or null
   * @param match the fields a listed entry must have, for {@link Effect#LISTED}
   */
  public Settlement {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(effect, "effect");
    key = List.copyOf(key);
    match = match == null ? List.of() : List.copyOf(match);
  }

  /**
   * A settlement without match fields (every effect but {@link Effect#LISTED}).
   *
   * @param part what the settlement is about
   * @param operation the settling query
   * @param effect what executed looks like
   * @param key the query's params
   * @param legs the query of one leg of a list, or null
   */
  public Settlement(String part, String operation, Effect effect, List<KeyParam> key, String legs) {
    this(part, operation, effect, key, legs, List.of());
  }

  /**
   * Where a key param's value comes from: the earlier part named before the dot of {@code from}
   * ({@code order.orderId}: the orderId of what the part {@code order} found), or null for a request param.
   *
   * @param k a key param of this settlement
   * @return the earlier part's name, or null
   */
  public static String fromPart(KeyParam k) {
    int dot = k.from().indexOf('.');
    return dot < 0 ? null : k.from().substring(0, dot);
  }

  /**
   * A settlement, as generated code writes it.
   *
   * @param part what the settlement is about
   * @param operation the settling query
   * @param effect the name of an {@link Effect}
   * @param paramFromPairs the key as pairs: query param, request param, ...
   * @return the settlement
   */
  public static Settlement of(String part, String operation, String effect, String... paramFromPairs) {
    if (paramFromPairs.length % 2 != 0) {
      throw new IllegalArgumentException("settlement key of " + operation + ": pairs of (param, from) expected");
    }
    KeyParam[] key = new KeyParam[paramFromPairs.length / 2];
    for (int i = 0; i < key.length; i++) {
      key[i] = new KeyParam(paramFromPairs[2 * i], paramFromPairs[2 * i + 1]);
    }
    return new Settlement(part, operation, Effect.valueOf(effect), List.of(key), null);
  }

  /**
   * The same settlement, with the query that reads one leg of the list it settles.
   *
   * @param legOperation the query of one leg, by {@code symbol} and {@code orderId}
   * @return the settlement with its leg query
   */
  public Settlement withLegs(String legOperation) {
    return new Settlement(part, operation, effect, key, legOperation, match);
  }

  /**
   * The same settlement, with the fields a listed entry must have ({@link Effect#LISTED}).
   *
   * @param fieldFromPairs pairs: the entry's field, the request param it must equal, ...
   * @return the settlement with its match
   */
  public Settlement withMatch(String... fieldFromPairs) {
    if (fieldFromPairs.length % 2 != 0) {
      throw new IllegalArgumentException("settlement match of " + operation + ": pairs of (field, from) expected");
    }
    KeyParam[] m = new KeyParam[fieldFromPairs.length / 2];
    for (int i = 0; i < m.length; i++) {
      m[i] = new KeyParam(fieldFromPairs[2 * i], fieldFromPairs[2 * i + 1]);
    }
    return new Settlement(part, operation, effect, key, legs, List.of(m));
  }
}
