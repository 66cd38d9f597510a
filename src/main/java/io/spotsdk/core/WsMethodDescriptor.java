package io.spotsdk.core;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything the WebSocket runtime needs to know about one method, as declared in spec/spot-ws-api.yaml:
 * its name, result type, security, weight, whether it changes state, the ids it creates, its REST twin
 * and the meaning of each {@code status}. Generated (one constant per method) and immutable.
 */
public final class WsMethodDescriptor<T> {
  private final String method;
  private final TypeReference<T> resultType;
  private final SecurityType security;
  private final int weight;
  private final List<OperationDescriptor.WeightRule> weightRules;
  private final int orderCount;
  private final boolean changesState;
  private final List<String> clientIdParams;
  private final String restTwin;
  private final StatusMeanings meanings;

  private WsMethodDescriptor(Builder<T> b) {
    this.method = b.method;
    this.resultType = b.resultType;
    this.security = b.security;
    this.weight = b.weight;
    this.weightRules = List.copyOf(b.weightRules);
    this.orderCount = b.orderCount;
    this.changesState = b.changesState;
    this.clientIdParams = List.copyOf(b.clientIdParams);
    this.restTwin = b.restTwin;
    this.meanings = b.meanings.build();
  }

  public static <T> Builder<T> builder(String method, TypeReference<T> resultType) {
    return new Builder<>(method, resultType);
  }

  public String method() {
    return method;
  }

  public TypeReference<T> resultType() {
    return resultType;
  }

  public SecurityType security() {
    return security;
  }

  public int weight() {
    return weight;
  }

  /** The request weight of a call with these params. */
  public int weightFor(Params params) {
    return OperationDescriptor.WeightRule.weightFor(weightRules, weight, params);
  }

  /** Unfilled orders the call adds. */
  public int orderCount() {
    return orderCount;
  }

  public boolean changesState() {
    return changesState;
  }

  public List<String> clientIdParams() {
    return clientIdParams;
  }

  /** The operationId of the REST operation that does the same thing, or null. */
  public String restTwin() {
    return restTwin;
  }

  public StatusMeanings meanings() {
    return meanings;
  }

  @Override
  public String toString() {
    return method;
  }

  public static final class Builder<T> {
    private final String method;
    private final TypeReference<T> resultType;
    private SecurityType security = SecurityType.NONE;
    private int weight = 1;
    private boolean changesState;
    private final List<OperationDescriptor.WeightRule> weightRules = new ArrayList<>();
    private int orderCount;
    private final List<String> clientIdParams = new ArrayList<>();
    private String restTwin;
    private final StatusMeanings.Builder meanings = StatusMeanings.builder();

    private Builder(String method, TypeReference<T> resultType) {
      this.method = method;
      this.resultType = resultType;
    }

    public Builder<T> security(SecurityType security) {
      this.security = security;
      return this;
    }

    public Builder<T> weight(int weight) {
      this.weight = weight;
      return this;
    }

    public Builder<T> weightRule(String param, String equals, boolean absent, int weight) {
      weightRules.add(new OperationDescriptor.WeightRule(param, equals, absent, weight));
      return this;
    }

    public Builder<T> orderCount(int orderCount) {
      this.orderCount = orderCount;
      return this;
    }

    public Builder<T> changesState(boolean changesState) {
      this.changesState = changesState;
      return this;
    }

    public Builder<T> clientIdParam(String param) {
      clientIdParams.add(param);
      return this;
    }

    public Builder<T> restTwin(String operationId) {
      this.restTwin = operationId;
      return this;
    }

    public Builder<T> status(String status, Meaning meaning, Meaning.ByCode... overrides) {
      meanings.status(status, meaning, Arrays.asList(overrides));
      return this;
    }

    public WsMethodDescriptor<T> build() {
      return new WsMethodDescriptor<>(this);
    }
  }
}
