// Generated from spec/spot-ws-api.yaml by generator-templates/asyncapi. Do not edit.
package io.spotsdk.ws.api;


/** The WebSocket API servers declared in spec/spot-ws-api.yaml. */
public final class WsServers {
  private WsServers() {}

  /** Base URI of Test server. */
  public static final String TESTNET = "wss://ws.testnet.example.invalid/ws";
}
