package io.spotsdk.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import org.junit.jupiter.api.Test;

/** A call on a closed client is not sent, and says so as an outcome, not as an exception. */
class ClosedClientWireTest extends RestWireSupport {

  @Test
  void anOrderAfterCloseIsNotSentClientClosed() {
    client.close();
    Outcome.NotSent<?> n = assertInstanceOf(Outcome.NotSent.class, client.trade().newOrder(RestOutcomeWireTest.limitBuy()));
    assertEquals(NotSentReason.CLIENT_CLOSED, n.reason());
    assertFalse(n.mayHaveExecuted());
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void aReadAfterCloseIsNotSentAndNotRetried() {
    client.close();
    Outcome.NotSent<?> n = assertInstanceOf(Outcome.NotSent.class, client.market().ping());
    assertEquals(NotSentReason.CLIENT_CLOSED, n.reason());
  }

  @Test
  void closingTwiceIsHarmless() {
    client.close();
    client.close();
    assertInstanceOf(Outcome.NotSent.class, client.market().ping());
  }
}
