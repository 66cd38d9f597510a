package io.spotsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Minimal independent test clients (JDK HttpClient / JDK WebSocket); no SDK classes, no simulator internals. */
final class SimTestClients {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SimTestClients() {
    }

    static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder sb = new StringBuilder();
            for (byte b : mac.doFinal(payload.getBytes(StandardCharsets.UTF_8))) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String ed25519(PrivateKey key, String payload) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + s, e);
        }
    }

    /** Signs REST requests with HMAC or Ed25519 and sends them with java.net.http. */
    static final class Rest {
        final URI base;
        final String apiKey;
        final String secret;       // HMAC, or null
        final PrivateKey edKey;    // Ed25519, or null
        final LongSupplier time;
        Duration timeout = Duration.ofSeconds(5);

        Rest(URI base, String apiKey, String secret, PrivateKey edKey, LongSupplier time) {
            this.base = base;
            this.apiKey = apiKey;
            this.secret = secret;
            this.edKey = edKey;
            this.time = time;
        }

        static String query(Map<String, String> p) {
            StringBuilder sb = new StringBuilder();
            p.forEach((k, v) -> {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            });
            return sb.toString();
        }

        String sign(String payload) {
            return secret != null ? hmac(secret, payload)
                    : URLEncoder.encode(ed25519(edKey, payload), StandardCharsets.UTF_8);
        }

        /** Adds timestamp (unless present) and signature; sends everything in the query string. */
        HttpResponse<String> signed(String method, String path, Map<String, String> p)
                throws IOException, InterruptedException {
            Map<String, String> all = new LinkedHashMap<>(p);
            all.putIfAbsent("timestamp", Long.toString(time.getAsLong()));
            String q = query(all);
            return raw(method, path, q + "&signature=" + sign(q), apiKey);
        }

        HttpResponse<String> unsigned(String method, String path, Map<String, String> p)
                throws IOException, InterruptedException {
            return raw(method, path, query(p), null);
        }

        HttpResponse<String> raw(String method, String path, String query, String key)
                throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + (query.isEmpty() ? "" : "?" + query)))
                    .timeout(timeout).method(method, HttpRequest.BodyPublishers.noBody());
            if (key != null) {
                b.header("X-MBX-APIKEY", key);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A JDK WebSocket connection collecting text frames in a queue. */
    static final class Ws implements AutoCloseable, WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;
        String apiKey;
        String secret;
        PrivateKey edKey;
        LongSupplier time = System::currentTimeMillis;

        static Ws connect(URI uri) throws Exception {
            Ws ws = new Ws();
            ws.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, ws)
                    .get(5, TimeUnit.SECONDS);
            return ws;
        }

        Ws hmacKey(String key, String sec) {
            this.apiKey = key;
            this.secret = sec;
            return this;
        }

        Ws edKey(String key, PrivateKey k) {
            this.apiKey = key;
            this.secret = null;
            this.edKey = k;
            return this;
        }

        void sendText(String text) throws Exception {
            socket.sendText(text, true).get(5, TimeUnit.SECONDS);
        }

        /** Next text frame within 5 s (fails otherwise). */
        JsonNode next() throws InterruptedException {
            String m = messages.poll(5, TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError("no WebSocket message within 5 s");
            }
            return json(m);
        }

        JsonNode call(String id, String method, ObjectNode params) throws Exception {
            ObjectNode req = JSON.createObjectNode().put("id", id).put("method", method);
            if (params != null) {
                req.set("params", params);
            }
            sendText(req.toString());
            JsonNode r = next();
            if (!id.equals(r.path("id").asText())) {
                throw new AssertionError("unexpected reply " + r + " for id " + id);
            }
            return r;
        }

        /** Signed params: adds apiKey and timestamp, signs sorted k=v with the configured key. */
        ObjectNode signedParams(String... kv) {
            TreeMap<String, String> p = new TreeMap<>(params(kv));
            p.putIfAbsent("apiKey", apiKey);
            p.putIfAbsent("timestamp", Long.toString(time.getAsLong()));
            StringBuilder payload = new StringBuilder();
            p.forEach((k, v) -> payload.append(payload.length() == 0 ? "" : "&").append(k).append('=').append(v));
            ObjectNode o = JSON.createObjectNode();
            p.forEach(o::put);
            o.put("signature", secret != null ? hmac(secret, payload.toString()) : ed25519(edKey, payload.toString()));
            return o;
        }

        static ObjectNode plain(String... kv) {
            ObjectNode o = JSON.createObjectNode();
            params(kv).forEach(o::put);
            return o;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }

        @Override
        public void close() {
            if (socket != null) {
                socket.abort();
            }
        }
    }
}
