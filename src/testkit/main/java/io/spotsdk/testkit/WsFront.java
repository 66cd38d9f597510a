package io.spotsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** WebSocket API front end on Java-WebSocket, loopback only, path /ws-api/v3. */
final class WsFront extends WebSocketServer {
    static final String PATH = "/ws-api/v3";
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;

    private final Engine engine;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startError;

    WsFront(Engine engine) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.engine = engine;
        setReuseAddr(true);
        setDaemon(true);
        setConnectionLostTimeout(60);
    }

    void startAndWait() throws Exception {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("WebSocket server did not start");
        }
        if (startError != null) {
            throw startError;
        }
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + getPort() + PATH);
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                       ClientHandshake request)
            throws InvalidDataException {
        String rd = request.getResourceDescriptor();
        String path = rd.contains("?") ? rd.substring(0, rd.indexOf('?')) : rd;
        if (!path.equals(PATH)) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "unknown path " + path);
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String rd = handshake.getResourceDescriptor();
        boolean rateLimits = !rd.contains("returnRateLimits=false");
        Engine.WsSession session = new Engine.WsSession(engine.now(), rateLimits);
        session.push = frame -> {
            if (conn.isOpen()) {
                conn.send(frame);
            }
        };
        conn.setAttachment(session);
        engine.chargeConnection(ip(conn));
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Engine.WsSession session = conn.getAttachment();
        if (session != null) {
            engine.connectionClosed(session); // its user data stream subscriptions end with it
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        engine.countMalformed("(malformed)");
        conn.send(envelope(NF.nullNode(), Engine.Res.err(400, -1135, "Invalid JSON Request"), false));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Engine.WsSession session = conn.getAttachment();
        JsonNode frame;
        try {
            frame = Engine.JSON.readTree(message);
        } catch (Exception e) {
            frame = null;
        }
        if (frame == null || !frame.isObject()) {
            engine.countMalformed("(malformed)");
            conn.send(envelope(NF.nullNode(), Engine.Res.err(400, -1135, "Invalid JSON Request"), false));
            return;
        }
        JsonNode id = frame.get("id");
        boolean idValid = id != null && (id.isNull() || id.isIntegralNumber()
                || (id.isTextual() && id.textValue().length() <= 36));
        if (!idValid) {
            engine.countMalformed("(malformed)");
            conn.send(envelope(NF.nullNode(), Engine.Res.err(400, -1102,
                    "Mandatory parameter 'id' was not sent, was empty/null, or malformed."), false));
            return;
        }
        JsonNode methodNode = frame.get("method");
        JsonNode paramsNode = frame.get("params");
        if (methodNode == null || !methodNode.isTextual() || methodNode.textValue().isEmpty()) {
            engine.countMalformed("(malformed)");
            conn.send(envelope(id, Engine.Res.err(400, -1102,
                    "Mandatory parameter 'method' was not sent, was empty/null, or malformed."), false));
            return;
        }
        if (paramsNode != null && !paramsNode.isNull() && !paramsNode.isObject()) {
            engine.countMalformed("(malformed)");
            conn.send(envelope(id, Engine.Res.err(400, -1102,
                    "Mandatory parameter 'params' was not sent, was empty/null, or malformed."), false));
            return;
        }
        String method = methodNode.textValue();
        if (method.startsWith("v3/")) {
            method = method.substring(3);
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (paramsNode != null && paramsNode.isObject()) {
            for (Map.Entry<String, JsonNode> e : paramsNode.properties()) {
                params.put(e.getKey(), text(e.getValue()));
            }
        }
        boolean returnRateLimits = session.returnRateLimitsDefault;
        String rrl = params.get("returnRateLimits");
        if (rrl != null) {
            returnRateLimits = !"false".equalsIgnoreCase(rrl);
        }
        Engine.Req req = new Engine.Req();
        req.transport = Transport.WS;
        req.endpoint = method;
        req.op = Engine.WS_OPS.contains(method) ? method : null;
        req.params = params;
        req.ip = ip(conn);
        req.session = session;
        req.wsId = id.isNull() ? null : id.asText();
        Engine.Res res = engine.process(req);
        if (res.fault == Fault.EXECUTE_THEN_DROP) {
            conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped (simulated)");
            return;
        }
        if (res.fault == Fault.EXECUTE_THEN_FIN || res.fault == Fault.EXECUTE_THEN_RST) {
            endTcp(conn, res.fault == Fault.EXECUTE_THEN_RST);
            return;
        }
        if (res.fault == Fault.EXECUTE_THEN_NO_REPLY) {
            return;
        }
        conn.send(envelope(id, res, returnRateLimits));
        if (res.closeWs) {
            conn.close(CloseFrame.POLICY_VALIDATION, "IP banned");
        }
    }

    /**
     * Ends the TCP connection under the WebSocket layer, with no close frame: a FIN (output shut down first, so
     * unread input cannot turn it into a reset) or a RST (SO_LINGER 0).
     */
    private static void endTcp(WebSocket conn, boolean reset) {
        if (!(conn instanceof WebSocketImpl impl) || !(impl.getChannel() instanceof SocketChannel ch)) {
            conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped (simulated)");
            return;
        }
        try {
            if (reset) {
                ch.socket().setSoLinger(true, 0);
            } else {
                ch.shutdownOutput();
            }
            ch.close();
        } catch (IOException e) {
            conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped (simulated)");
        }
    }

    void broadcastShutdown() {
        String msg = "{\"event\":{\"e\":\"serverShutdown\",\"E\":" + engine.now() + "}}";
        for (WebSocket c : getConnections()) {
            if (c.isOpen()) {
                c.send(msg);
            }
        }
    }

    private static String text(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBigDecimal() || v.isFloatingPointNumber()) {
            return v.decimalValue().toPlainString();
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        return v.toString();
    }

    private static String ip(WebSocket conn) {
        InetSocketAddress a = conn.getRemoteSocketAddress();
        return a == null ? "unknown" : a.getAddress().getHostAddress();
    }

    private static String envelope(JsonNode id, Engine.Res res, boolean rateLimits) {
        ObjectNode o = NF.objectNode();
        o.set("id", id);
        o.put("status", res.status);
        if (res.result != null) {
            o.set("result", res.result);
        } else {
            o.set("error", res.error);
        }
        if (rateLimits && !res.usage.isEmpty()) {
            ArrayNode a = o.putArray("rateLimits");
            for (Engine.Usage u : res.usage) {
                a.addObject().put("rateLimitType", u.type()).put("interval", u.interval())
                        .put("intervalNum", u.intervalNum()).put("limit", u.limit()).put("count", u.count());
            }
        }
        try {
            return Engine.JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            startError = ex;
            started.countDown();
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
