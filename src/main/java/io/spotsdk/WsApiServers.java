package io.spotsdk;

/** Placeholder until the AsyncAPI generation provides the servers; replaced by generated constants. */
final class WsApiServers {
  static final String TESTNET = "wss://ws-api.testnet.binance.vision/ws-api/v3";
  static final String PRODUCTION = "wss://ws-api.binance.com:443/ws-api/v3";

  private WsApiServers() {}
}
