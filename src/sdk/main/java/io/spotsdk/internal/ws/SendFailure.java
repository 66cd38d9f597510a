package io.spotsdk.internal.ws;

import java.nio.charset.CharacterCodingException;

/**
 * What a failed {@code WebSocket.sendText} proves about the frame.
 *
 * <p>The JDK encodes a frame into its write buffer ({@value #DEFAULT_WRITE_BUFFER} bytes unless
 * {@code jdk.httpclient.websocket.writeBufferSize} says otherwise) and hands the whole buffer to the socket in one
 * step; only once that step succeeded does the send complete normally. A send that fails with a frame that fits
 * in one buffer was therefore never handed over, not even in part: the request was not sent. A larger frame goes
 * out in several steps, and a failure after the first leaves part of it on the wire: unknown.
 *
 * <p>A failure of the socket (any {@code IOException}, such as the JDK's "closed output" after a FIN or RST) means
 * the connection is dead: the JDK never recovers from it and may not call {@code onClose} or {@code onError}.
 * Only an encoding failure (text that is not valid Unicode) leaves the connection usable.
 */
final class SendFailure {
  static final int DEFAULT_WRITE_BUFFER = 16384;
  // 2 bytes of header, 8 of extended length at most, 4 of client mask.
  private static final int MAX_HEADER = 14;
  private static final int WRITE_BUFFER = Integer.getInteger("jdk.httpclient.websocket.writeBufferSize",
      DEFAULT_WRITE_BUFFER);

  private SendFailure() {}

  static boolean fitsOneWrite(String frame) {
    return utf8Length(frame) + MAX_HEADER <= WRITE_BUFFER;
  }

  /** True when the failure was the text itself, not the socket. */
  static boolean isEncoding(Throwable t) {
    return Causes.root(t) instanceof CharacterCodingException;
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
