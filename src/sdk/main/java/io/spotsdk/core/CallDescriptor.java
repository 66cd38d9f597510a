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
  /** Weight that applies when a parameter equals a value, or is absent. */
  public record WeightRule(String param, String equals, boolean absent, int weight) {}

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
      String v = params.get(r.param());
      if (r.absent() ? v == null : r.equals() != null && r.equals().equals(v)) {
        return r.weight();
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
