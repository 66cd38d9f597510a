package io.spotsdk.bench.client;

/**
 * One REST client of a pair, doing what a trading program does with the answer: bind it and read the usage
 * headers. Every call checks its answer and throws if it is not the expected one, so a client that fails cannot
 * look fast.
 */
public interface RestPair extends AutoCloseable {
  /** GET /api/v3/time; returns the server time, checked. */
  long time();

  /** Signed POST /api/v3/order; returns the order id, checked. */
  long newOrder();

  @Override
  void close();

  static long expect(String what, long expected, long actual) {
    if (expected != actual) {
      throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
    }
    return actual;
  }
}
