/**
 * A Binance Spot simulator (REST API and WebSocket API) on 127.0.0.1 for tests of code that uses spot-sdk: it
 * injects the faults that make an order's fate unknown and keeps a ledger of what really happened.
 *
 * <ul>
 *   <li>{@link io.spotsdk.testkit.SpotSimulator}: the simulator; {@link io.spotsdk.testkit.SimConfig} and
 *       {@link io.spotsdk.testkit.SimLimits} its settings.</li>
 *   <li>{@link io.spotsdk.testkit.SpotSimulatorExtension}: starts one for a JUnit 5 test and resolves
 *       {@code SpotSimulator}, {@code Environment} and {@code Credentials} parameters.</li>
 *   <li>{@link io.spotsdk.testkit.FaultPlan}, {@link io.spotsdk.testkit.Match} and
 *       {@link io.spotsdk.testkit.Fault}: which faults to inject into which requests, and what a client should
 *       conclude from each.</li>
 *   <li>{@link io.spotsdk.testkit.Ledger}: the ground truth, with assertions for orders, duplicate client order
 *       ids and requests during a ban.</li>
 * </ul>
 *
 * <pre>{@code
 * @ExtendWith(SpotSimulatorExtension.class)
 * class PlaceOrderTest {
 *   @Test
 *   void anUnknownPlacementIsSettledAsExecuted(SpotSimulator sim, Environment env, Credentials credentials) {
 *     sim.faults().next(Match.op("order.place"), Fault.EXECUTE_THEN_500);
 *     try (SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(credentials).build()) {
 *       Outcome<Order> placed = rest.trade().newOrder(new TradeApi.NewOrderRequest().symbol("BTCUSDT")
 *           .side(OrderSide.BUY).type(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
 *           .quantity(new BigDecimal("0.01")).price(new BigDecimal("30000.00")));
 *       Reconciliation settled = Reconciler.builder(OrderLookup.rest(rest)).build()
 *           .reconcile((Outcome.Unknown<Order>) placed);
 *       assertEquals(Verdict.EXECUTED, settled.verdict());
 *     }
 *     sim.ledger().assertNoDuplicateOrders();
 *   }
 * }
 * }</pre>
 *
 * <p>Add it with test scope; its server (Java-WebSocket, the JDK's HTTP server) stays out of the application.
 */
package io.spotsdk.testkit;
