package io.spotsdk.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** REST front end on the JDK HttpServer, loopback only. */
final class RestFront {
    private final Engine engine;
    private final SimConfig config;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Set<HttpExchange> held = ConcurrentHashMap.newKeySet();

    RestFront(Engine engine, SimConfig config) throws IOException {
        this.engine = engine;
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> daemon(r, "sim-rest-" + n.incrementAndGet()));
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sim-rest-timer"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void stop() {
        for (HttpExchange ex : held) {
            ex.close();
        }
        held.clear();
        server.stop(0);
        timers.shutdownNow();
        workers.shutdownNow();
    }

    private void handle(HttpExchange ex) {
        try {
            Engine.Req req = new Engine.Req();
            req.transport = Transport.REST;
            String method = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
            req.endpoint = method + " " + ex.getRequestURI().getRawPath();
            req.op = Engine.REST_OPS.get(req.endpoint);
            req.ip = ex.getRemoteAddress().getAddress().getHostAddress();
            req.restApiKey = ex.getRequestHeaders().getFirst("X-MBX-APIKEY");
            String query = ex.getRequestURI().getRawQuery();
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String ctype = ex.getRequestHeaders().getFirst("Content-Type");
            boolean form = !body.isEmpty() && (ctype == null || ctype.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("application/x-www-form-urlencoded"));
            Map<String, String> params = new LinkedHashMap<>();
            boolean duplicate = false;
            if (form) {
                duplicate |= parse(body, params);
            }
            Map<String, String> fromQuery = new LinkedHashMap<>();
            duplicate |= parse(query, fromQuery);
            params.putAll(fromQuery); // query string wins
            req.params = params;
            req.restPayload = withoutSignature(query) + (form ? withoutSignature(body) : "");
            Engine.Res res;
            if (duplicate) {
                engine.countMalformed(req.endpoint);
                res = Engine.Res.err(400, -1101, "Duplicate values for a parameter detected.");
            } else {
                res = engine.process(req);
            }
            respond(ex, res);
        } catch (Throwable t) {
            try {
                send(ex, 500, "application/json;charset=UTF-8",
                        "{\"code\":-1000,\"msg\":\"An unknown error occurred while processing the request.\"}");
            } catch (IOException ignored) {
                ex.close();
            }
        }
    }

    private void respond(HttpExchange ex, Engine.Res res) throws IOException {
        if (res.fault != null && res.fault.dropsConnection()) {
            ex.close(); // no headers sent: the JDK server closes the TCP connection
            return;
        }
        if (res.fault == Fault.EXECUTE_THEN_NO_REPLY) {
            held.add(ex);
            timers.schedule(() -> {
                if (held.remove(ex)) {
                    ex.close();
                }
            }, config.noReplyHold().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        if (!res.htmlFromEdge) {
            for (Engine.Usage u : res.usage) {
                String suffix = u.intervalNum() + u.interval().substring(0, 1);
                String name = u.type().equals("REQUEST_WEIGHT") ? "X-MBX-USED-WEIGHT-" + suffix
                        : "X-MBX-ORDER-COUNT-" + suffix;
                ex.getResponseHeaders().set(name, Long.toString(u.count()));
            }
        }
        if (res.retryAfterMs != null) {
            ex.getResponseHeaders().set("Retry-After", Long.toString(res.retryAfterSeconds));
        }
        if (res.rawBody != null) {
            send(ex, res.status, res.rawContentType, res.rawBody);
        } else {
            Object body = res.result != null ? res.result : res.error;
            send(ex, res.status, "application/json;charset=UTF-8", Engine.JSON.writeValueAsString(body));
        }
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Parses a form / query string; returns true if a name repeats. */
    private static boolean parse(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return false;
        }
        boolean dup = false;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            dup |= into.put(k, v) != null;
        }
        return dup;
    }

    /** The raw string minus its signature=... pair, keeping everything else byte for byte. */
    static String withoutSignature(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String pair : raw.split("&", -1)) {
            if (pair.startsWith("signature=") || pair.equals("signature")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(pair);
        }
        return sb.toString();
    }
}
