package io.spotsdk.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Which faults to inject. Scripted rules ({@link #next}) are consulted first, in the order they were added;
 * then random rules ({@link #random}). Thread-safe.
 */
public final class FaultPlan {
    private final List<Scripted> scripted = new ArrayList<>();
    private final List<RandomRule> randoms = new ArrayList<>();

    /** Apply {@code fault} to the next request matching {@code match}. */
    public FaultPlan next(Match match, Fault fault) {
        return next(match, fault, 1);
    }

    /** Apply {@code fault} to the next {@code times} requests matching {@code match}. */
    public synchronized FaultPlan next(Match match, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times < 1");
        }
        scripted.add(new Scripted(match, fault, times));
        return this;
    }

    /**
     * With a {@code java.util.Random(seed)}, apply one of {@code faults} (chosen uniformly among those
     * applicable to the operation) to a fraction {@code probability} of the requests matching {@code match}.
     * The sequence of decisions is deterministic for a given seed and request order.
     */
    public synchronized FaultPlan random(long seed, double probability, Match match, List<Fault> faults) {
        if (probability < 0 || probability > 1 || faults.isEmpty()) {
            throw new IllegalArgumentException("probability in [0,1] and at least one fault required");
        }
        randoms.add(new RandomRule(new Random(seed), probability, match, List.copyOf(faults)));
        return this;
    }

    /** Removes all rules. */
    public synchronized void clear() {
        scripted.clear();
        randoms.clear();
    }

    /** Number of scripted injections not yet consumed. */
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
