package io.spotsdk.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Which faults the simulator injects, and into which requests. Get it from {@link SpotSimulator#faults()}.
 *
 * <p>Scripted rules ({@link #next}) are consulted first, in the order they were added, and each is used up after
 * its count of matching requests; then random rules ({@link #random}). A request no rule picks is answered
 * normally. What each fault does, and what a client should conclude from it, is documented on {@link Fault}.
 *
 * <pre>{@code
 * sim.faults().next(Match.op("order.place"), Fault.EXECUTE_THEN_500);        // the next placement, REST or WS
 * sim.faults().next(Match.rest("POST", "/api/v3/order"), Fault.BAN_418);     // the next REST placement
 * sim.faults().next(Match.ws("order.place"), Fault.EXECUTE_THEN_NO_REPLY);   // the next WebSocket placement
 * sim.faults().next(Match.op("order.cancelReplace"), Fault.PARTIAL_409);
 * sim.faults().random(42, 0.3, Match.anyOrderMutation(), List.of(Fault.values())); // chaos, repeatable by seed
 * }</pre>
 *
 * <p>Thread-safe; rules may be added while clients are sending.
 */
public final class FaultPlan {
    private final List<Scripted> scripted = new ArrayList<>();
    private final List<RandomRule> randoms = new ArrayList<>();

    /**
     * Applies {@code fault} to the next request matching {@code match}.
     *
     * @param match which requests the rule applies to
     * @param fault the fault to inject
     * @return this plan
     */
    public FaultPlan next(Match match, Fault fault) {
        return next(match, fault, 1);
    }

    /**
     * Applies {@code fault} to the next {@code times} requests matching {@code match} (and to which the fault
     * applies: {@link Fault#PARTIAL_409} only to cancelReplace).
     *
     * @param match which requests the rule applies to
     * @param fault the fault to inject
     * @param times how many matching requests get it, at least 1
     * @return this plan
     * @throws IllegalArgumentException when {@code times < 1}
     */
    public synchronized FaultPlan next(Match match, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times < 1");
        }
        scripted.add(new Scripted(match, fault, times));
        return this;
    }

    /**
     * With a {@code java.util.Random(seed)}, applies one of {@code faults} (chosen uniformly among those
     * applicable to the operation) to a fraction {@code probability} of the requests matching {@code match}.
     * The sequence of decisions is deterministic for a given seed and request order.
     *
     * @param seed        the seed of the random decisions
     * @param probability the fraction of matching requests that get a fault, in [0, 1]
     * @param match       which requests the rule applies to
     * @param faults      the faults to choose from, at least one
     * @return this plan
     * @throws IllegalArgumentException when the probability is outside [0, 1] or no fault is given
     */
    public synchronized FaultPlan random(long seed, double probability, Match match, List<Fault> faults) {
        if (probability < 0 || probability > 1 || faults.isEmpty()) {
            throw new IllegalArgumentException("probability in [0,1] and at least one fault required");
        }
        randoms.add(new RandomRule(new Random(seed), probability, match, List.copyOf(faults)));
        return this;
    }

    /** Removes all rules, scripted and random: requests are answered normally from now on. */
    public synchronized void clear() {
        scripted.clear();
        randoms.clear();
    }

    /**
     * How many scripted injections have not happened yet, e.g. to check that a test's requests reached the fault.
     *
     * @return the sum of the remaining counts of all scripted rules
     */
    public synchronized int pendingScripted() {
        return scripted.stream().mapToInt(s -> s.remaining).sum();
    }

    synchronized Fault decide(Match.RequestInfo info) {
        for (Iterator<Scripted> it = scripted.iterator(); it.hasNext(); ) {
            Scripted s = it.next();
            if (s.fault.appliesTo(info.op()) && s.match.matches(info)) {
                if (--s.remaining == 0) {
                    it.remove();
                }
                return s.fault;
            }
        }
        for (RandomRule r : randoms) {
            if (!r.match.matches(info)) {
                continue;
            }
            List<Fault> applicable = r.faults.stream().filter(f -> f.appliesTo(info.op())).toList();
            double roll = r.random.nextDouble();
            if (roll < r.probability && !applicable.isEmpty()) {
                return applicable.get(r.random.nextInt(applicable.size()));
            }
        }
        return null;
    }

    private static final class Scripted {
        final Match match;
        final Fault fault;
        int remaining;

        Scripted(Match match, Fault fault, int remaining) {
            this.match = match;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private record RandomRule(Random random, double probability, Match match, List<Fault> faults) {
    }
}
