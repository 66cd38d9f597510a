package io.spotsdk.userdata;

/**
 * Events of a subscription may be missing at this point of its sequence.
 *
 * @param reason why
 * @param dropped how many events were dropped, when known ({@link Reason#OVERFLOW}); -1 when unknown
 * @param detail what happened, for people
 */
public record UserDataGap(Reason reason, long dropped, String detail) {
  /** Why events may be missing. */
  public enum Reason {
    /** The listener's buffer was full: {@code dropped} events were not delivered. */
    OVERFLOW,
    /**
     * The connection was lost or replaced and the subscription made again on a new one: events in between may be
     * missing (after a planned replacement, some may also come twice).
     */
    RESUBSCRIBED
  }
}
