// Generated from spec/spot-ws-api.yaml by generator-templates/asyncapi. Do not edit.
package io.spotsdk.ws.api;

import io.spotsdk.model.Widget;
import io.spotsdk.outcome.Outcome;
import java.util.Objects;

/**
 * Every method of {@link WsApi}, waiting for its outcome. The wait is bounded by the request deadline: the
 * future of a {@link WsApi} call always completes with an {@link Outcome}, never exceptionally.
 */
public final class WsBlockingApi {
  private final WsApi api;

  /**
   * The blocking face of an asynchronous API; {@link io.spotsdk.SpotWsApiClient#blocking()} gives one.
   *
   * @param api the API whose futures are waited for
   */
  public WsBlockingApi(WsApi api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  /**
   * {@code widget.place}, waiting for the outcome: Place a widget.
   *
   * @param params the parameters; checked against the spec's rules before anything is sent
   * @return the outcome
   */
  public Outcome<Widget> widgetPlace(WidgetPlaceParams params) {
    return api.widgetPlace(params).join();
  }

  /**
   * {@code widget.status}, waiting for the outcome: Query a widget by the client id it was placed with.
   *
   * @param params the parameters; checked against the spec's rules before anything is sent
   * @return the outcome
   */
  public Outcome<Widget> widgetStatus(WidgetStatusParams params) {
    return api.widgetStatus(params).join();
  }
}
