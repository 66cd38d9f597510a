/** The Binance Spot simulator for tests of code that uses spot-sdk (placeholder while the simulator moves here). */
package io.spotsdk.testkit;
