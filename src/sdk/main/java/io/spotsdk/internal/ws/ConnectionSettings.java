package io.spotsdk.internal.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.internal.Redaction;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every connection of one client shares.
 *
 * @param pingInterval how often the heartbeat pings; null for no heartbeat
 * @param pongTimeout how long after a ping silence means death
 * @param redaction how frame text is masked before it is logged
 */
record ConnectionSettings(ObjectMapper mapper, OutcomeClassifier classifier, ScheduledExecutorService timer,
    Executor completions, Duration requestTimeout, Duration pingInterval, Duration pongTimeout, WsStats stats,
    Redaction redaction) {}
