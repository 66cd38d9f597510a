package io.spotsdk.core;

import io.spotsdk.InvalidRequestException;
import io.spotsdk.model.WireEnum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ordered name/value pairs of one request, as strings exactly as they go on the wire.
 * Order is kept so that the signed payload and the sent query are the same bytes.
 */
public final class Params implements ParamSink {
  /** How a value is written in a WebSocket {@code params} object; REST sends every kind as text. */
  public enum Kind { STRING, NUMBER, BOOLEAN, JSON }

  /** One parameter. */
  public record Param(String name, String value, Kind kind) {
    public Param(String name, String value) {
      this(name, value, Kind.STRING);
    }

    @Override
    public String toString() {
      return name + "=" + ("signature".equals(name) ? "<redacted>" : value);
    }
  }

  private final List<Param> list;

  public Params() {
    this.list = new ArrayList<>(16);
  }

  private Params(List<Param> list) {
    this.list = list;
  }

  public Params copy() {
    return new Params(new ArrayList<>(list));
  }

  public List<Param> asList() {
    return Collections.unmodifiableList(list);
  }

  /** The value of a parameter, or null. */
  public String get(String name) {
    for (int i = 0; i < list.size(); i++) {
      Param p = list.get(i);
      if (p.name.equals(name)) {
        return p.value;
      }
    }
    return null;
  }

  public boolean has(String name) {
    return get(name) != null;
  }

  /** Sets a parameter, replacing an earlier value of the same name. */
  public Params put(String name, String value) {
    return put(name, value, Kind.STRING);
  }

  /** Sets a parameter of a given JSON kind, replacing an earlier value of the same name. */
  public Params put(String name, String value, Kind kind) {
    Param p = new Param(name, value, kind);
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).name.equals(name)) {
        list.set(i, p);
        return this;
      }
    }
    list.add(p);
    return this;
  }

  public Params remove(String name) {
    list.removeIf(p -> p.name.equals(name));
    return this;
  }

  @Override
  public void add(String name, String value) {
    if (value != null) {
      put(name, value);
    }
  }

  @Override
  public void add(String name, Long value) {
    if (value != null) {
      put(name, value.toString(), Kind.NUMBER);
    }
  }

  @Override
  public void add(String name, Integer value) {
    if (value != null) {
      put(name, value.toString(), Kind.NUMBER);
    }
  }

  @Override
  public void add(String name, Boolean value) {
    if (value != null) {
      put(name, value.toString(), Kind.BOOLEAN);
    }
  }

  @Override
  public void add(String name, BigDecimal value) {
    if (value != null) {
      put(name, value.toPlainString());
    }
  }

  @Override
  public void add(String name, WireEnum value) {
    if (value != null) {
      // Generated validate() says this first, with the operation's name; this is the last line of defence.
      if (!value.isRecognized()) {
        throw InvalidRequestException.broken("request", name, "enum",
            "the value is not one this SDK version knows, so it is not sent");
      }
      put(name, value.wireValue());
    }
  }

  @Override
  public void addJsonArray(String name, List<String> values) {
    if (values == null) {
      return;
    }
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      String v = values.get(i);
      if (v == null) {
        throw new InvalidRequestException("request", name, "parameter '" + name + "' contains null");
      }
      b.append('"');
      for (int j = 0; j < v.length(); j++) {
        char c = v.charAt(j);
        if (c == '"' || c == '\\') {
          b.append('\\');
        }
        b.append(c);
      }
      b.append('"');
    }
    put(name, b.append(']').toString(), Kind.JSON);
  }

  /** Parameter names only: values may be secret (signature) and never reach logs. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Params");
    List<String> names = new ArrayList<>();
    for (Param p : list) {
      names.add(p.name);
    }
    return b.append(names).toString();
  }
}
