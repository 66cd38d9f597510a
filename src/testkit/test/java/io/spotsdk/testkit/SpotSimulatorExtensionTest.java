package io.spotsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.spotsdk.Environment;
import io.spotsdk.signing.Credentials;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The extension, run the way JUnit runs a user's test class (a launcher on the inner classes below, which surefire
 * does not pick up itself): it resolves the parameters, and the simulator is closed once the test (or class) ends.
 */
class SpotSimulatorExtensionTest {
  /** What the inner test classes saw; read after the launcher has run them. */
  static final List<SpotSimulator> seen = new ArrayList<>();

  @ExtendWith(SpotSimulatorExtension.class)
  static class OnePerTest {
    SpotSimulator fromBeforeEach;

    @BeforeEach
    void before(SpotSimulator sim) {
      fromBeforeEach = sim;
    }

    @Test
    void first(SpotSimulator sim, Environment env, Credentials credentials) {
      record(sim, env);
      assertSame(fromBeforeEach, sim, "@BeforeEach and the test share one simulator");
      assertEquals(SpotSimulator.DEFAULT_API_KEY, credentials.apiKey());
    }

    @Test
    void second(SpotSimulator sim, Environment env) {
      record(sim, env);
    }
  }

  static class OnePerClass {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final SpotSimulatorExtension SIM = SpotSimulatorExtension.perClass()
        .withConfig(SimConfig.defaults().withClock(CLOCK));

    @Test
    void first(SpotSimulator sim, Environment env) {
      record(sim, env);
      assertSame(CLOCK, sim.clock(), "started with the extension's config");
    }

    @Test
    void second(SpotSimulator sim, Environment env) {
      record(sim, env);
    }
  }

  @ExtendWith(SpotSimulatorExtension.class)
  static class PerTestInBeforeAll {
    @BeforeAll
    static void before(SpotSimulator sim) {
      record(sim, sim.environment());
    }

    @Test
    void test() {
    }
  }

  static void record(SpotSimulator sim, Environment env) {
    assertEquals(sim.restBaseUri(), env.restBaseUri());
    assertEquals(sim.wsApiUri(), env.wsApiUri());
    assertTrue(accepts(sim.restBaseUri()), "running during the test");
    synchronized (seen) {
      seen.add(sim);
    }
  }

  @Test
  void oneSimulatorPerTestResolvesTheParametersAndIsClosedAfterEachTest() {
    TestExecutionSummary summary = run(OnePerTest.class);

    assertEquals(2, summary.getTestsSucceededCount(), failures(summary));
    assertEquals(2, seen.size());
    assertNotSame(seen.get(0), seen.get(1), "a simulator per test");
    for (SpotSimulator sim : seen) {
      assertFalse(accepts(sim.restBaseUri()), "closed after its test: " + sim.restBaseUri());
    }
  }

  @Test
  void oneSimulatorPerClassIsSharedAndClosedAfterTheClass() {
    TestExecutionSummary summary = run(OnePerClass.class);

    assertEquals(2, summary.getTestsSucceededCount(), failures(summary));
    assertEquals(2, seen.size());
    assertSame(seen.get(0), seen.get(1), "one simulator for the class");
    assertFalse(accepts(seen.get(0).restBaseUri()), "closed after the class");
  }

  @Test
  void aPerTestExtensionSaysWhyItCannotServeABeforeAllMethod() {
    TestExecutionSummary summary = run(PerTestInBeforeAll.class);

    assertEquals(1, summary.getContainersFailedCount());
    Throwable why = summary.getFailures().get(0).getException();
    assertInstanceOf(ParameterResolutionException.class, why);
    assertTrue(why.getMessage().contains("SpotSimulatorExtension.perClass()"), why.getMessage());
    assertEquals(0, seen.size(), "no simulator started");
  }

  /** Runs one class with the JUnit Platform launcher, as a build tool would. */
  static TestExecutionSummary run(Class<?> testClass) {
    synchronized (seen) {
      seen.clear();
    }
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
    return listener.getSummary();
  }

  static String failures(TestExecutionSummary summary) {
    StringBuilder b = new StringBuilder();
    summary.getFailures().forEach(f -> b.append(f.getTestIdentifier().getDisplayName()).append(": ")
        .append(f.getException()).append('\n'));
    return b.toString();
  }

  static boolean accepts(URI uri) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
