package io.spotsdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's own version, as the build wrote it into io/spotsdk/spot-sdk.properties; never typed by hand. */
public final class SdkVersion {
  /** The project version, or "unknown" when the resource is missing (a build that skipped resources). */
  public static final String VERSION = read();

  /** What every REST request carries in User-Agent. */
  public static final String USER_AGENT = "spot-sdk/" + VERSION + " (Java " + Runtime.version().feature() + ")";

  private SdkVersion() {}

  private static String read() {
    try (InputStream in = SdkVersion.class.getResourceAsStream("/io/spotsdk/spot-sdk.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown").trim();
      return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
