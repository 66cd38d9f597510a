package io.spotsdk.core;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * A WebSocket API method as declared in spec/spot-ws-api.yaml: the shared {@link CallDescriptor} facts, plus the
 * method name and its REST twin.
 */
public final class WsMethodDescriptor<T> extends CallDescriptor<T> {
  private final String method;
  private final String restTwin;

  private WsMethodDescriptor(Builder<T> b) {
    super(b, b.method);
    this.method = b.method;
    this.restTwin = b.restTwin;
  }

  public static <T> Builder<T> builder(String method, TypeReference<T> resultType) {
    return new Builder<>(method, resultType);
  }

  public String method() {
    return method;
  }

  /** The operationId of the REST operation that does the same thing, or null. */
  public String restTwin() {
    return restTwin;
  }

  @Override
  public String toString() {
    return method;
  }

  public static final class Builder<T> extends CallDescriptor.Builder<T, Builder<T>> {
    private final String method;
    private String restTwin;

    private Builder(String method, TypeReference<T> resultType) {
      super(resultType);
      this.method = method;
    }

    public Builder<T> restTwin(String operationId) {
      this.restTwin = operationId;
      return this;
    }

    public WsMethodDescriptor<T> build() {
      return new WsMethodDescriptor<>(this);
    }
  }
}
