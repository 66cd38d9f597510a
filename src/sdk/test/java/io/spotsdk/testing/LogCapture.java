package io.spotsdk.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every line the SDK logs (logger {@code io.spotsdk} and below, at TRACE) while it is open, as the text a user's log
 * would show: logger, level, the formatted message, and any throwable with its message.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger = (Logger) LoggerFactory.getLogger("io.spotsdk");
  private final Level previous = logger.getLevel();
  private final boolean additive = logger.isAdditive();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture() {
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.TRACE);
    logger.setAdditive(false); // captured, not printed: the console stays at its quiet level
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  /** The lines so far. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    for (ILoggingEvent e : List.copyOf(appender.list)) {
      StringBuilder b = new StringBuilder(e.getLoggerName()).append(' ').append(e.getLevel()).append(' ')
          .append(e.getFormattedMessage());
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        b.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      }
      out.add(b.toString());
    }
    return out;
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
    logger.setAdditive(additive);
    appender.stop();
  }
}
