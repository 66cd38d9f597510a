package io.spotsdk.internal.ws;

import java.net.http.HttpClient;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one {@link HttpClient} behind every {@code SpotWsApiClient} of the JVM.
 *
 * <p>Why one: Java 17's HttpClient has no {@code close()}. Each instance starts a selector thread that ends only
 * once the instance has been garbage-collected, and its default executor keeps worker threads for as long. One
 * HttpClient per SDK client left a selector thread and a pool of workers behind every closed client (dozens of
 * each after a test run). An HttpClient is built to carry many connections, so all SDK clients share this one: a
 * single selector thread, made on first use and idle in {@code epoll} when nothing is open, however many clients
 * come and go.
 *
 * <p>Its executor is the SDK's own pool ({@code spot-sdk-ws-io-*}, no core threads). While a client is open,
 * idle workers live 30 s; when the last client closes, idle workers end at once and busy ones as soon as their
 * task is done. The pool is never shut down: the JDK may still hand it work for a handshake that returns after a
 * close, and must not find it refusing.
 */
public final class SharedHttpClient {
  private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final Object LOCK = new Object();
  private static ThreadPoolExecutor pool;
  private static HttpClient http;
  private static int holders;

  private SharedHttpClient() {}

  /** A hold on the shared instance; close it when the client closes. */
  public static Lease acquire() {
    synchronized (LOCK) {
      if (http == null) {
        AtomicInteger threads = new AtomicInteger();
        pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, KEEP_ALIVE_NANOS, TimeUnit.NANOSECONDS,
            new SynchronousQueue<>(), r -> {
              Thread t = new Thread(r, "spot-sdk-ws-io-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
        http = HttpClient.newBuilder().executor(pool).build();
      }
      if (holders++ == 0) {
        pool.setKeepAliveTime(KEEP_ALIVE_NANOS, TimeUnit.NANOSECONDS);
      }
      return new Lease(http);
    }
  }

  private static void release() {
    synchronized (LOCK) {
      if (--holders == 0) {
        // Shortening the keep-alive wakes the idle workers, which then find no work and end.
        pool.setKeepAliveTime(1, TimeUnit.NANOSECONDS);
      }
    }
  }

  /** One client's hold; closing it twice releases once. */
  public static final class Lease implements AutoCloseable {
    private final HttpClient client;
    private final AtomicBoolean released = new AtomicBoolean();

    private Lease(HttpClient client) {
      this.client = client;
    }

    public HttpClient http() {
      return client;
    }

    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        release();
      }
    }
  }
}
