/**
 * The user data stream of a {@link io.spotsdk.SpotWsApiClient}: account events (order updates, balances, order
 * lists) delivered to a {@link io.spotsdk.userdata.UserDataListener} on the same connection as the requests.
 * Each subscriber has a bounded buffer, so a slow listener never delays replies; whatever it misses (a full
 * buffer, a reconnect) it is told of as a {@link io.spotsdk.userdata.UserDataGap}, never silently.
 */
package io.spotsdk.userdata;
