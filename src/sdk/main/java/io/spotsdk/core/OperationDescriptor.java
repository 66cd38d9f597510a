package io.spotsdk.core;

import com.fasterxml.jackson.core.type.TypeReference;

/** A REST operation as declared in spec/spot-rest.yaml: the shared {@link CallDescriptor} facts, plus method and path. */
public final class OperationDescriptor<T> extends CallDescriptor<T> {
  private final String name;
  private final String httpMethod;
  private final String path;

  private OperationDescriptor(Builder<T> b) {
    super(b, b.name);
    this.name = b.name;
    this.httpMethod = b.httpMethod;
    this.path = b.path;
  }

  public static <T> Builder<T> builder(String name, String httpMethod, String path, TypeReference<T> resultType) {
    return new Builder<>(name, httpMethod, path, resultType);
  }

  /** The spec's operationId. */
  public String name() {
    return name;
  }

  public String httpMethod() {
    return httpMethod;
  }

  public String path() {
    return path;
  }

  @Override
  public String toString() {
    return httpMethod + " " + path + " (" + name + ")";
  }

  public static final class Builder<T> extends CallDescriptor.Builder<T, Builder<T>> {
    private final String name;
    private final String httpMethod;
    private final String path;

    private Builder(String name, String httpMethod, String path, TypeReference<T> resultType) {
      super(resultType);
      this.name = name;
      this.httpMethod = httpMethod;
      this.path = path;
    }

    public OperationDescriptor<T> build() {
      return new OperationDescriptor<>(this);
    }
  }
}
