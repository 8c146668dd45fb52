package io.coapspring.server.handler;

import java.util.Set;

import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.WebLink;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.LinkFormat;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /.well-known/core} generated from the mappings, over UDP.
 */
class DiscoveryEndToEndTests extends AbstractEndToEndTests {

	@Test
	void listsMappingsWithTheirAttributesAndPlainResources() {
		CoapResponse response = this.client.get("/.well-known/core");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
		String text = response.getResponseText();
		assertThat(text).contains(
				"</disco/temperature>;ct=50;if=\"sensor\";obs;rt=\"temperature-c\";sz=42;title=\"Temperature\"");
		assertThat(text).contains("</disco/humidity>;ct=60;if=\"sensor\";rt=\"humidity-rh\";title=\"Humidity\"");
		assertThat(text).contains("</legacy>;title=\"Legacy\"");
		// a pattern with variables is never listed as its template, not even with discoverAsTemplate
		assertThat(text).doesNotContain("{").doesNotContain("}").doesNotContain("/disco/devices");
		assertThat(text).doesNotContain("/disco/hidden").doesNotContain("/disco/items").doesNotContain("core>");
	}

	@Test
	void longListingIsSentInBlocks() {
		CoapResponse response = this.client.get("/.well-known/core");
		// the server's largest message is 1024 bytes, so a longer listing can only have come in blocks
		assertThat(response.getPayload().length).isGreaterThan(1024);
		assertThat(LinkFormat.parse(response.getResponseText())).hasSizeGreaterThan(20);
	}

	@Test
	void filterByResourceType() {
		assertThat(uris("?rt=temperature-c")).containsExactly("/disco/temperature");
		assertThat(uris("?rt=hum*")).containsExactly("/disco/humidity");
	}

	@Test
	void filterByInterfaceDescription() {
		assertThat(uris("?if=sensor")).containsExactlyInAnyOrder("/disco/temperature", "/disco/humidity");
		assertThat(uris("?if=act*")).containsExactly("/disco/switch");
	}

	@Test
	void filterByContentFormat() {
		assertThat(uris("?ct=60")).contains("/disco/humidity").doesNotContain("/disco/temperature");
	}

	@Test
	void filterByHref() {
		assertThat(uris("?href=/disco/temperature")).containsExactly("/disco/temperature");
		assertThat(uris("?href=/disco/*")).contains("/disco/temperature", "/disco/humidity", "/disco/switch")
			.noneMatch((uri) -> uri.contains("{"));
		assertThat(uris("?href=/nothing*")).isEmpty();
	}

	@Test
	void otherAcceptIsNotAcceptable() {
		Request request = this.client.request(Code.GET, "/.well-known/core");
		request.getOptions().setAccept(MediaTypeRegistry.APPLICATION_JSON);
		assertThat(this.client.send(request).getCode()).isEqualTo(ResponseCode.NOT_ACCEPTABLE);
	}

	private Set<String> uris(String query) {
		CoapResponse response = this.client.get("/.well-known/core" + query);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		return LinkFormat.parse(response.getResponseText())
			.stream()
			.map(WebLink::getURI)
			.collect(java.util.stream.Collectors.toSet());
	}

}
