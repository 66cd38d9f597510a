package io.spotsdk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

import io.spotsdk.Environment;
import io.spotsdk.signing.Credentials;

/**
 * A local stand-in for the Binance Spot REST API and WebSocket API, with fault injection and a ledger of what really
 * happened, for testing that code using spot-sdk treats "sent, no clear answer" as UNKNOWN and settles it by query.
 *
 * <p>It binds only to 127.0.0.1 on ephemeral ports and needs no keys and no network. It starts with one HMAC account,
 * {@link #DEFAULT_API_KEY} / {@link #DEFAULT_SECRET}, which {@link #credentials()} returns as SDK credentials; more
 * accounts can be added. In a JUnit 5 test, {@link SpotSimulatorExtension} starts and closes it for you:
 *
 * <pre>{@code
 * @ExtendWith(SpotSimulatorExtension.class)
 * class PlaceOrderTest {
 *   @Test
 *   void anUnknownPlacementIsSettledByQuery(SpotSimulator sim, Environment env) {
 *     sim.faults().next(Match.op("order.place"), Fault.EXECUTE_THEN_500);
 *     try (SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(sim.credentials()).build()) {
 *       // ... place an order, get Outcome.Unknown, reconcile it ...
 *     }
 *     sim.ledger().assertNoDuplicateOrders();
 *   }
 * }
 * }</pre>
 *
 * <p>Without JUnit: {@code try (SpotSimulator sim = SpotSimulator.start()) { ... }}.
 *
 * <p>Supported: REST {@code /api/v3/ping, time, exchangeInfo, order (POST/GET/DELETE), order/test,
 * order/cancelReplace, openOrders (GET/DELETE), account, rateLimit/order}; WebSocket API methods {@code ping, time,
 * exchangeInfo, order.place, order.test, order.status, order.cancel, order.cancelReplace, openOrders.status,
 * openOrders.cancelAll, account.status, account.rateLimits.orders, session.logon, session.status, session.logout}.
 * Symbols BTCUSDT and ETHUSDT; LIMIT orders rest as NEW (IOC/FOK expire), MARKET orders fill at a fixed price.
 * Requests are signed and checked like Binance does (HMAC-SHA256 or Ed25519, {@code timestamp} and
 * {@code recvWindow}), and the request-weight and order-count limits of {@link SimLimits} are enforced.
 *
 * <p>Thread-safe. Every method may be called while clients are connected.
 */
public final class SpotSimulator implements AutoCloseable {
    /** The API key of the account every simulator starts with (HMAC-SHA256). */
    public static final String DEFAULT_API_KEY = "spotSdkTestkitDefaultApiKey0000000000000000000000000000000000001";
    /** The secret of the account every simulator starts with; not a real secret, it only opens this simulator. */
    public static final String DEFAULT_SECRET = "spotSdkTestkitDefaultSecret0000000000000000000000000000000000001";

    private final Engine engine;
    private final RestFront rest;
    private final WsFront ws;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SpotSimulator(SimConfig config) throws Exception {
        this.engine = new Engine(config);
        engine.addAccount(DEFAULT_API_KEY, DEFAULT_SECRET.getBytes(StandardCharsets.UTF_8), null);
        this.rest = new RestFront(engine, config);
        WsFront w = new WsFront(engine);
        try {
            w.startAndWait();
        } catch (Exception e) {
            rest.stop();
            throw e;
        }
        this.ws = w;
    }

    /**
     * Starts a simulator with {@link SimConfig#defaults()}: both servers are listening when this returns.
     *
     * @return the running simulator; close it when done
     */
    public static SpotSimulator start() {
        return start(SimConfig.defaults());
    }

    /**
     * Starts a simulator with these settings: both servers are listening when this returns.
     *
     * @param config the clock, limits and fault timings to use
     * @return the running simulator; close it when done
     * @throws java.io.UncheckedIOException when a server cannot bind to 127.0.0.1
     */
    public static SpotSimulator start(SimConfig config) {
        try {
            return new SpotSimulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("simulator failed to start", e);
        }
    }

    /**
     * The REST API's base URI, the value for {@link Environment#custom}.
     *
     * @return {@code http://127.0.0.1:<port>} (operation paths such as {@code /api/v3/order} are appended to it)
     */
    public URI restBaseUri() {
        return rest.baseUri();
    }

    /**
     * The WebSocket API's URI, the value for {@link Environment#custom}.
     *
     * @return {@code ws://127.0.0.1:<port>/ws-api/v3}
     */
    public URI wsApiUri() {
        return ws.uri();
    }

    /**
     * An SDK environment pointing at this simulator, for {@code SpotRestClient.builder().environment(...)} and
     * {@code SpotWsApiClient.builder().environment(...)}.
     *
     * @return {@code Environment.custom(restBaseUri(), wsApiUri())}
     */
    public Environment environment() {
        return Environment.custom(restBaseUri(), wsApiUri());
    }

    /**
     * SDK credentials for the account every simulator starts with ({@link #DEFAULT_API_KEY}, HMAC-SHA256).
     *
     * @return credentials this simulator accepts
     */
    public Credentials credentials() {
        return Credentials.hmac(DEFAULT_API_KEY, DEFAULT_SECRET);
    }

    /**
     * Adds an account whose requests are signed with HMAC-SHA256.
     *
     * @param apiKey the account's API key, sent as {@code X-MBX-APIKEY} (REST) or {@code apiKey} (WebSocket)
     * @param secret the HMAC secret; {@code Credentials.hmac(apiKey, secret)} signs for it
     * @return this simulator
     * @throws IllegalArgumentException when an account with this API key exists
     */
    public SpotSimulator addHmacAccount(String apiKey, String secret) {
        engine.addAccount(apiKey, secret.getBytes(StandardCharsets.UTF_8), null);
        return this;
    }

    /**
     * Adds an account whose requests are signed with Ed25519.
     *
     * @param apiKey    the account's API key
     * @param publicKey the public half of the key pair whose private half signs (e.g. from
     *                  {@code KeyPairGenerator.getInstance("Ed25519")}); {@code Credentials.ed25519(apiKey, pem)}
     *                  signs with the private half as PKCS#8 PEM text
     * @return this simulator
     * @throws IllegalArgumentException when an account with this API key exists
     */
    public SpotSimulator addEd25519Account(String apiKey, PublicKey publicKey) {
        engine.addAccount(apiKey, null, publicKey);
        return this;
    }

    /**
     * The live fault plan: faults added to it apply to the requests that arrive after.
     *
     * @return the fault plan of this simulator
     */
    public FaultPlan faults() {
        return engine.faults;
    }

    /**
     * The live ledger: the ground truth (orders, attempts, faults, requests) to compare with what the client
     * believes.
     *
     * @return the ledger of this simulator
     */
    public Ledger ledger() {
        return engine.ledger;
    }

    /**
     * Replaces the server clock, e.g. with a clock a test moves by hand.
     *
     * @param clock the clock for timestamps, {@code recvWindow} checks, rate-limit windows and bans from now on
     */
    public void setClock(Clock clock) {
        engine.setClock(clock);
    }

    /**
     * The server clock.
     *
     * @return the clock set by {@link SimConfig#clock()} or {@link #setClock}
     */
    public Clock clock() {
        return engine.clock();
    }

    /**
     * Replaces the enforced (and published) rate limits.
     *
     * @param limits the limits from now on
     */
    public void limits(SimLimits limits) {
        engine.setLimits(limits);
    }

    /**
     * The enforced (and published) rate limits.
     *
     * @return the current limits
     */
    public SimLimits limits() {
        return engine.limits();
    }

    /**
     * Fills an open order (or a working order-list leg) completely at its price, as a trade on the book would, and
     * runs the list logic: the other leg of an OCO pair expires, the pending legs of an OTO go on the book.
     *
     * @param symbol the order's symbol
     * @param orderId Binance's id of the order
     * @return true when the order was open and is now filled
     */
    public boolean fillOrder(String symbol, long orderId) {
        return engine.fillOrder(symbol, orderId);
    }

    /**
     * Pushes {@code {"event":{"e":"serverShutdown","E":<ms>}}} to every open WebSocket API connection, as Binance
     * does before a planned disconnect.
     */
    public void sendServerShutdown() {
        ws.broadcastShutdown();
    }

    /**
     * Stops both servers, closes every connection (including held no-reply exchanges) and releases all threads.
     * Calling it again does nothing.
     */
    public void stop() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            rest.stop();
        } finally {
            try {
                ws.stop(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }
}
