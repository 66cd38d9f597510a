package io.spotsdk.testkit;

import io.spotsdk.Environment;
import io.spotsdk.signing.Credentials;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives a test a running {@link SpotSimulator} and closes it afterwards. It resolves
 * parameters of type {@link SpotSimulator}, {@link Environment} (pointing at the simulator) and {@link Credentials}
 * (of the simulator's default account), in test methods and in {@code @BeforeEach} / {@code @AfterEach} methods;
 * within one test they all belong to the same simulator.
 *
 * <p>One simulator per test, the default, with one line:
 *
 * <pre>{@code
 * @ExtendWith(SpotSimulatorExtension.class)
 * class OrderServiceTest {
 *   @Test
 *   void settlesAnUnknownPlacement(SpotSimulator sim, Environment env, Credentials credentials) {
 *     sim.faults().next(Match.op("order.place"), Fault.EXECUTE_THEN_500);
 *     try (SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(credentials).build()) {
 *       // ... the code under test places an order, gets Outcome.Unknown and reconciles it ...
 *     }
 *     sim.ledger().assertNoDuplicateOrders();
 *   }
 * }
 * }</pre>
 *
 * <p>Other settings, or one simulator shared by every test of a class (started on first use, closed after the
 * last test; faults and the ledger are then shared too):
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SpotSimulatorExtension SIM = SpotSimulatorExtension.perClass()
 *     .withConfig(SimConfig.defaults().withBanDuration(Duration.ofSeconds(1)));
 * }</pre>
 *
 * <p>A per-test extension registered on an instance field works the same way. The simulator is started when the
 * first parameter is resolved, so a test that asks for none starts none. A per-test extension cannot resolve
 * parameters of {@code @BeforeAll} methods or of a constructor of a per-class test instance: there is no test yet;
 * use {@link #perClass()} for those.
 *
 * <p>JUnit Jupiter is a {@code provided} dependency of the testkit: the JUnit 5 of the user's tests is used.
 */
public final class SpotSimulatorExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            SpotSimulatorExtension.class);

    private final boolean perClass;
    private final SimConfig config;
    private final Object key = new Object();

    /** One simulator per test, with {@link SimConfig#defaults()}; the constructor {@code @ExtendWith} uses. */
    public SpotSimulatorExtension() {
        this(false, SimConfig.defaults());
    }

    private SpotSimulatorExtension(boolean perClass, SimConfig config) {
        this.perClass = perClass;
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * One simulator per test method, started on first use and closed after the test.
     *
     * @return an extension for {@code @RegisterExtension}
     */
    public static SpotSimulatorExtension perTest() {
        return new SpotSimulatorExtension(false, SimConfig.defaults());
    }

    /**
     * One simulator per test class, started on first use and closed after all its tests. Register it on a
     * static field.
     *
     * @return an extension for {@code @RegisterExtension}
     */
    public static SpotSimulatorExtension perClass() {
        return new SpotSimulatorExtension(true, SimConfig.defaults());
    }

    /**
     * This extension with other simulator settings.
     *
     * @param config the settings every simulator of the new extension starts with
     * @return a new extension with the same lifecycle
     */
    public SpotSimulatorExtension withConfig(SimConfig config) {
        return new SpotSimulatorExtension(perClass, config);
    }

    /**
     * Whether the parameter is one this extension provides.
     *
     * @param parameter the parameter to resolve
     * @param context   the current extension context
     * @return true for {@link SpotSimulator}, {@link Environment} and {@link Credentials}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SpotSimulator.class || type == Environment.class || type == Credentials.class;
    }

    /**
     * The simulator of this test (or class), or its environment or default credentials; starts it on first use.
     *
     * @param parameter the parameter to resolve
     * @param context   the current extension context
     * @return the value for the parameter
     * @throws ParameterResolutionException when there is no test to tie a per-test simulator to
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SpotSimulator sim = simulator(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Environment.class) {
            return sim.environment();
        }
        if (type == Credentials.class) {
            return sim.credentials();
        }
        return sim;
    }

    /**
     * Closes the simulator of the test that ended, if it started one.
     *
     * @param context the context of the test that ended
     */
    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            close(context);
        }
    }

    /**
     * Closes the simulator of the class whose tests ended, if it started one.
     *
     * @param context the context of the class whose tests ended
     */
    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass) {
            close(context);
        }
    }

    private SpotSimulator simulator(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        // The holder is not AutoCloseable on purpose: afterEach/afterAll close it, on every JUnit 5 version alike.
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(key(), k -> new Running(SpotSimulator.start(config)),
                Running.class).sim();
    }

    private ExtensionContext owner(ExtensionContext context) {
        if (perClass) {
            ExtensionContext c = context;
            while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
                c = c.getParent().get();
            }
            return c;
        }
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("SpotSimulatorExtension starts one simulator per test, and "
                    + context.getDisplayName() + " is not a test: use SpotSimulatorExtension.perClass() on a static"
                    + " @RegisterExtension field for @BeforeAll methods and constructors");
        }
        return context;
    }

    private void close(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).remove(key(), Running.class);
        if (running != null) {
            running.sim().close();
        }
    }

    /** One key per extension instance, so two registered extensions give two simulators. */
    private Object key() {
        return key;
    }

    private record Running(SpotSimulator sim) {
    }
}
