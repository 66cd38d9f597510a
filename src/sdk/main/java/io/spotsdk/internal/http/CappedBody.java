package io.spotsdk.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a response body through a cap. Memory follows the bytes that actually arrive, never the Content-Length a
 * server declares: a header may say 2,000,000,000 and deliver 100 bytes. A declared length only sizes the first
 * buffer, and only up to {@link #FIRST_BUFFER_MAX}; past that the buffer doubles as bytes come in. A body that
 * fits a declared length within that bound is read into an exact-size array with no copy.
 */
final class CappedBody {
  /** How much of a body that cannot be taken whole is kept to show in the outcome: enough for any error page. */
  static final int HEAD_KEPT = 8 * 1024;
  /** The clamp on a declared Content-Length when sizing the first buffer. */
  static final int FIRST_BUFFER_MAX = 64 * 1024;
  /** The first buffer when no length is declared (chunked, or decompressed). */
  static final int FIRST_BUFFER_UNKNOWN_LENGTH = 8 * 1024;
  /** The largest array a JVM reliably allocates; the cap can be no larger. */
  static final int MAX_CAP = Integer.MAX_VALUE - 8;

  private static final byte[] EMPTY = new byte[0];

  /** What reading gave: the whole body, or a head and why the rest is missing. */
  record Result(byte[] bytes, Problem problem, IOException failure) {
    boolean complete() {
      return problem == null;
    }
  }

  enum Problem {
    /** More bytes arrived than the cap allows. */
    OVER_CAP,
    /** The declared Content-Length is beyond the cap; only the head was read. */
    DECLARED_OVER_CAP,
    /** Reading failed part way ({@link Result#failure()}). */
    BROKEN
  }

  private final int cap;

  CappedBody(int cap) {
    if (cap < 1 || cap > MAX_CAP) {
      throw new IllegalArgumentException("body cap must be in [1, " + MAX_CAP + "]");
    }
    this.cap = cap;
  }

  int cap() {
    return cap;
  }

  Result read(InputStream in, long declaredLength) {
    if (declaredLength > cap) {
      return readHead(in);
    }
    if (declaredLength == 0) {
      return drainEmpty(in);
    }
    int first = declaredLength > 0 ? (int) Math.min(declaredLength, FIRST_BUFFER_MAX)
        : Math.min(FIRST_BUFFER_UNKNOWN_LENGTH, cap);
    byte[] buf = new byte[first];
    int n = 0;
    try {
      while (true) {
        if (n == buf.length) {
          // Full: look one byte ahead before growing, so an exact-size buffer is never grown for nothing.
          int next = in.read();
          if (next < 0) {
            return new Result(buf, null, null);
          }
          if (n == cap) {
            return new Result(head(buf, n), Problem.OVER_CAP, null);
          }
          buf = Arrays.copyOf(buf, (int) Math.min(buf.length * 2L, cap));
          buf[n++] = (byte) next;
          continue;
        }
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          return new Result(n == buf.length ? buf : Arrays.copyOf(buf, n), null, null);
        }
        n += r;
      }
    } catch (IOException e) {
      return new Result(head(buf, n), Problem.BROKEN, e);
    }
  }

  private Result readHead(InputStream in) {
    byte[] head = new byte[Math.min(HEAD_KEPT, cap)];
    int n = 0;
    try {
      while (n < head.length) {
        int r = in.read(head, n, head.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    } catch (IOException e) {
      // The head is whatever came before the failure; the verdict is the declared length either way.
    }
    return new Result(n == head.length ? head : Arrays.copyOf(head, n), Problem.DECLARED_OVER_CAP, null);
  }

  private static Result drainEmpty(InputStream in) {
    try {
      in.read(); // reaching the end hands the connection back to the pool
      return new Result(EMPTY, null, null);
    } catch (IOException e) {
      return new Result(EMPTY, Problem.BROKEN, e);
    }
  }

  private byte[] head(byte[] buf, int n) {
    return Arrays.copyOf(buf, Math.min(n, Math.min(HEAD_KEPT, cap)));
  }
}
