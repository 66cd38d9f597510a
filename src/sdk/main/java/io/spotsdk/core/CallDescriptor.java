package io.spotsdk.core;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the spec declares about one call, whatever the transport: result type, security, weight, whether it
 * changes state, the ids it creates, the request values its result echoes, and the meaning of each status.
 * {@link OperationDescriptor} (REST) and {@link WsMethodDescriptor} (WebSocket) add where the call goes. Instances
 * are generated and immutable.
 */
public abstract class CallDescriptor<T> {
  /**
   * Weight that applies when a parameter equals a value, or is absent; or, as a range rule, when its number (or,
   * with {@code count}, the number of items of its JSON array) lies in [min, max]. A range rule with
   * {@code perItem > 0} weighs {@code perItem} times that number (spec: {@code x-spot-weight-rules}).
   */
  public record WeightRule(String param, String equals, boolean absent, boolean range, boolean count, long min,
      long max, int perItem, int weight) {
    public WeightRule(String param, String equals, boolean absent, int weight) {
      this(param, equals, absent, false, false, 0, 0, 0, weight);
    }

    /** The rule's weight for this value of its parameter, or -1 when it does not apply. */
    int weightOf(String v) {
      if (!range) {
        return (absent ? v == null : equals != null && equals.equals(v)) ? weight : -1;
      }
      if (v == null) {
        return -1;
      }
      java.math.BigDecimal n = count ? java.math.BigDecimal.valueOf(ParamCounts.items(v)) : ParamCounts.number(v);
      if (n == null || n.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || n.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
        return -1;
      }
      return perItem > 0 ? (int) Math.min(Integer.MAX_VALUE, perItem * n.longValue()) : weight;
    }
  }

  /**
   * A result field that must equal a request parameter whenever the request carried it (spec: {@code x-spot-echo}).
   * {@code field} is a dotted path into the result, e.g. {@code newOrderResponse.clientOrderId}.
   */
  public record Echo(String field, String param) {}

  private final TypeReference<T> resultType;
  private final SecurityType security;
  private final int weight;
  private final List<WeightRule> weightRules;
  private final int orderCount;
  private final boolean changesState;
  private final List<String> clientIdParams;
  private final List<Echo> echoes;
  private final boolean oneOrMany;
  private final List<Settlement> settlements;
  private final StatusMeanings meanings;

  CallDescriptor(Builder<T, ?> b, String name) {
    this.resultType = b.resultType;
    this.security = Objects.requireNonNull(b.security, () -> "security of " + name);
    this.weight = b.weight;
    this.weightRules = List.copyOf(b.weightRules);
    this.orderCount = b.orderCount;
    this.changesState = b.changesState;
    this.clientIdParams = List.copyOf(b.clientIdParams);
    this.echoes = List.copyOf(b.echoes);
    this.oneOrMany = b.oneOrMany;
    this.settlements = List.copyOf(b.settlements);
    this.meanings = b.meanings.build();
  }

  public TypeReference<T> resultType() {
    return resultType;
  }

  /**
   * True when the spec declares a result for success (the success response has a schema, so the result type is
   * not {@code Void}): a success without one is then not a success.
   */
  public boolean requiresResult() {
    return resultType.getType() != Void.class;
  }

  public SecurityType security() {
    return security;
  }

  public int weight() {
    return weight;
  }

  /** The request weight of a call with these parameters. */
  public int weightFor(Params params) {
    for (WeightRule r : weightRules) {
      int w = r.weightOf(params.get(r.param()));
      if (w >= 0) {
        return w;
      }
    }
    return weight;
  }

  /** Unfilled orders the call adds. */
  public int orderCount() {
    return orderCount;
  }

  /** True for calls that place or cancel. These are never resent by the SDK. */
  public boolean changesState() {
    return changesState;
  }

  /** Parameters naming ids the call creates; the SDK fills any that are absent before the first attempt. */
  public List<String> clientIdParams() {
    return clientIdParams;
  }

  /** What a successful result must echo from the request; checked after decoding, before it is called a success. */
  public List<Echo> echoes() {
    return echoes;
  }

  /**
   * True when the result is a list that the server sends as one bare object for a single-item request (tickers
   * asked by {@code symbol}); that object is read as a list of one (spec: {@code x-spot-one-or-many}).
   */
  public boolean oneOrMany() {
    return oneOrMany;
  }

  /**
   * How an unknown outcome of this call is settled (spec: {@code x-spot-settled-by}); empty for calls that change
   * nothing. One entry per effect: cancelReplace has a cancel part and a newOrder part.
   */
  public List<Settlement> settlements() {
    return settlements;
  }

  public StatusMeanings meanings() {
    return meanings;
  }

  /** The builder methods the generated code calls, shared by both transports. */
  public abstract static class Builder<T, B extends Builder<T, B>> {
    private final TypeReference<T> resultType;
    private SecurityType security;
    private int weight = 1;
    private final List<WeightRule> weightRules = new ArrayList<>();
    private int orderCount;
    private boolean changesState;
    private final List<String> clientIdParams = new ArrayList<>();
    private final List<Echo> echoes = new ArrayList<>();
    private boolean oneOrMany;
    private final List<Settlement> settlements = new ArrayList<>();
    private final StatusMeanings.Builder meanings = StatusMeanings.builder();

    Builder(TypeReference<T> resultType) {
      this.resultType = resultType;
    }

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    public B security(SecurityType security) {
      this.security = security;
      return self();
    }

    public B weight(int weight) {
      this.weight = weight;
      return self();
    }

    public B weightRule(String param, String equals, boolean absent, int weight) {
      weightRules.add(new WeightRule(param, equals, absent, weight));
      return self();
    }

    /**
     * A range rule: {@code param}'s number (or its JSON array's item count when {@code count}) in [min, max]
     * weighs {@code weight}, or {@code perItem} per item/unit when perItem is above 0.
     */
    public B weightRange(String param, boolean count, long min, long max, int perItem, int weight) {
      weightRules.add(new WeightRule(param, null, false, true, count, min, max, perItem, weight));
      return self();
    }

    public B oneOrMany(boolean oneOrMany) {
      this.oneOrMany = oneOrMany;
      return self();
    }

    public B orderCount(int orderCount) {
      this.orderCount = orderCount;
      return self();
    }

    public B changesState(boolean changesState) {
      this.changesState = changesState;
      return self();
    }

    public B clientIdParam(String param) {
      clientIdParams.add(param);
      return self();
    }

    public B echo(String field, String param) {
      echoes.add(new Echo(field, param));
      return self();
    }

    public B settledBy(Settlement settlement) {
      settlements.add(settlement);
      return self();
    }

    public B status(String status, Meaning meaning, Meaning.ByCode... overrides) {
      meanings.status(status, meaning, Arrays.asList(overrides));
      return self();
    }
  }
}
