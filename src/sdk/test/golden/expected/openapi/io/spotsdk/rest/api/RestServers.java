package io.spotsdk.rest.api;

/** The REST servers declared in spec/spot-rest.yaml. Generated; do not edit. */
public final class RestServers {
  private RestServers() {}

  /** Base URL of Test server. */
  public static final String TESTNET = "https://testnet.example.invalid";
}
