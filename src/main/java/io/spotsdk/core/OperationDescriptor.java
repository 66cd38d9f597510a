package io.spotsdk.core;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything the runtime needs to know about one operation, as declared in the spec: method, path,
 * security, weight, whether it changes state, the ids it creates, and the meaning of each status.
 * Instances are generated (one constant per operation) and immutable.
 */
public final class OperationDescriptor<T> {
  /** Weight that applies when a parameter equals a value, or is absent. */
  public record WeightRule(String param, String equals, boolean absent, int weight) {
    /** The weight of the first rule that applies to these params, else {@code base}. */
    static int weightFor(List<WeightRule> rules, int base, Params params) {
      for (WeightRule r : rules) {
        String v = params.get(r.param());
        if (r.absent() ? v == null : r.equals() != null && r.equals().equals(v)) {
          return r.weight();
        }
      }
      return base;
    }
  }

  private final String name;
  private final String httpMethod;
  private final String path;
  private final TypeReference<T> resultType;
  private final SecurityType security;
  private final int weight;
  private final List<WeightRule> weightRules;
  private final int orderCount;
  private final boolean changesState;
  private final List<String> clientIdParams;
  private final StatusMeanings meanings;

  private OperationDescriptor(Builder<T> b) {
    this.name = b.name;
    this.httpMethod = b.httpMethod;
    this.path = b.path;
    this.resultType = b.resultType;
    this.security = Objects.requireNonNull(b.security, "security of " + b.name);
    this.weight = b.weight;
    this.weightRules = List.copyOf(b.weightRules);
    this.orderCount = b.orderCount;
    this.changesState = b.changesState;
    this.clientIdParams = List.copyOf(b.clientIdParams);
    this.meanings = b.meanings.build();
  }

  public static <T> Builder<T> builder(String name, String httpMethod, String path, TypeReference<T> resultType) {
    return new Builder<>(name, httpMethod, path, resultType);
  }

  public String name() {
    return name;
  }

  public String httpMethod() {
    return httpMethod;
  }

  public String path() {
    return path;
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

  /** The request weight of a call with these parameters. */
  public int weightFor(Params params) {
    return WeightRule.weightFor(weightRules, weight, params);
  }

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

  public StatusMeanings meanings() {
    return meanings;
  }

  @Override
  public String toString() {
    return httpMethod + " " + path + " (" + name + ")";
  }

  public static final class Builder<T> {
    private final String name;
    private final String httpMethod;
    private final String path;
    private final TypeReference<T> resultType;
    private SecurityType security;
    private int weight = 1;
    private final List<WeightRule> weightRules = new ArrayList<>();
    private int orderCount;
    private boolean changesState;
    private final List<String> clientIdParams = new ArrayList<>();
    private final StatusMeanings.Builder meanings = StatusMeanings.builder();

    private Builder(String name, String httpMethod, String path, TypeReference<T> resultType) {
      this.name = name;
      this.httpMethod = httpMethod;
      this.path = path;
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
      weightRules.add(new WeightRule(param, equals, absent, weight));
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

    public Builder<T> status(String status, Meaning meaning, Meaning.ByCode... overrides) {
      meanings.status(status, meaning, Arrays.asList(overrides));
      return this;
    }

    public OperationDescriptor<T> build() {
      return new OperationDescriptor<>(this);
    }
  }
}
