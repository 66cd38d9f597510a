package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** The User-Agent carries the version the build was made as, not a number typed in the code. */
class UserAgentWireTest extends RestWireSupport {

  @Test
  void theUserAgentCarriesTheProjectVersion() {
    String version = System.getProperty("spot.project.version");
    assertNotNull(version, "surefire passes the project version");
    wm.stubFor(get(urlPathEqualTo("/api/v3/time")).willReturn(aResponse().withBody("{\"serverTime\":1}")));
    client.market().serverTime();
    String ua = wm.getAllServeEvents().get(0).getRequest().getHeader("User-Agent");
    assertEquals("spot-sdk/" + version + " (Java " + Runtime.version().feature() + ")", ua);
  }
}
