package io.spotsdk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;

/**
 * A stateful local stand-in for the Binance Spot REST API and WebSocket API, with fault injection, for testing
 * that a client treats "sent, no clear answer" as UNKNOWN and reconciles by querying.
 *
 * <p>Binds only to 127.0.0.1 on ephemeral ports. Independent of the SDK: JDK, Jackson and Java-WebSocket only.
 *
 * <pre>{@code
 * try (SpotSimulator sim = SpotSimulator.start()) {
 *     sim.addHmacAccount("key", "secret");
 *     sim.faults().next(Match.rest("POST", "/api/v3/order"), Fault.EXECUTE_THEN_500);
 *     // point the client at sim.restBaseUri() / sim.wsApiUri(), then check sim.ledger()
 * }
 * }</pre>
 *
 * <p>Supported: REST {@code /api/v3/ping, time, exchangeInfo, order (POST/GET/DELETE), order/test,
 * order/cancelReplace, openOrders (GET/DELETE), account, rateLimit/order}; WS methods {@code ping, time,
 * exchangeInfo, order.place, order.test, order.status, order.cancel, order.cancelReplace, openOrders.status,
 * openOrders.cancelAll, account.status, account.rateLimits.orders, session.logon, session.status, session.logout}.
 * Symbols BTCUSDT and ETHUSDT; LIMIT orders rest as NEW (IOC/FOK expire), MARKET orders fill at a fixed price.
 */
public final class SpotSimulator implements AutoCloseable {
    private final Engine engine;
    private final RestFront rest;
    private final WsFront ws;

    private SpotSimulator(SimConfig config) throws Exception {
        this.engine = new Engine(config);
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

    /** Starts with {@link SimConfig#defaults()}. */
    public static SpotSimulator start() {
        return start(SimConfig.defaults());
    }

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

    /** {@code http://127.0.0.1:<port>} (append {@code /api/v3/...}). */
    public URI restBaseUri() {
        return rest.baseUri();
    }

    /** {@code ws://127.0.0.1:<port>/ws-api/v3}. */
    public URI wsApiUri() {
        return ws.uri();
    }

    /** Adds an account whose requests are signed with HMAC-SHA256 using this secret. */
    public SpotSimulator addHmacAccount(String apiKey, String secret) {
        engine.addAccount(apiKey, secret.getBytes(StandardCharsets.UTF_8), null);
        return this;
    }

    /** Adds an account whose requests are signed with Ed25519 (verifiable with this public key). */
    public SpotSimulator addEd25519Account(String apiKey, PublicKey publicKey) {
        engine.addAccount(apiKey, null, publicKey);
        return this;
    }

    /** The live fault plan. */
    public FaultPlan faults() {
        return engine.faults;
    }

    /** The live ledger (ground truth). */
    public Ledger ledger() {
        return engine.ledger;
    }

    /** Replaces the server clock (affects timestamps, recvWindow checks, limit windows and bans). */
    public void setClock(Clock clock) {
        engine.setClock(clock);
    }

    public Clock clock() {
        return engine.clock();
    }

    /** Replaces the enforced (and published) rate limits. */
    public void limits(SimLimits limits) {
        engine.setLimits(limits);
    }

    public SimLimits limits() {
        return engine.limits();
    }

    /** Pushes {@code {"event":{"e":"serverShutdown","E":<ms>}}} to every open WebSocket API connection. */
    public void sendServerShutdown() {
        ws.broadcastShutdown();
    }

    /** Stops both servers, closes every connection (including held no-reply exchanges), releases all threads. */
    public void stop() {
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

    @Override
    public void close() {
        stop();
    }
}
