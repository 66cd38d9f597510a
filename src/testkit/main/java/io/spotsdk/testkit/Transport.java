package io.spotsdk.testkit;

/** Which front end of the simulator received a request. */
public enum Transport {
    /** The REST API ({@link SpotSimulator#restBaseUri()}). */
    REST,
    /** The WebSocket API ({@link SpotSimulator#wsApiUri()}). */
    WS
}
