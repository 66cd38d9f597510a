package io.spotsdk.sim;

/** Which front end of the simulator received a request. */
public enum Transport {
    REST,
    WS
}
