package io.spotsdk.testkit;

/** Which front end of the simulator received a request. */
public enum Transport {
    REST,
    WS
}
