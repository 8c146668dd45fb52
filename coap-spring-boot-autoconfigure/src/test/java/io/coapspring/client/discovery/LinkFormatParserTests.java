package io.coapspring.client.discovery;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LinkFormatParser}, {@link WebLink} and {@link WebLinkFilter}.
 */
class LinkFormatParserTests {

	private static final InetSocketAddress NODE = new InetSocketAddress("127.0.0.1", 5683);

	@Test
	void parsesLibcoapsDocument() {
		List<WebLink> links = LinkFormatParser.parse("</>;title=\"General Info\";ct=0,</time>;if=\"clock\";"
				+ "rt=\"ticks\";title=\"Internal Clock\";ct=0;obs,</async>;ct=0,</example_data>;title=\"Example Data\";"
				+ "ct=0;obs", NODE);
		assertThat(links).extracting(WebLink::getTarget).containsExactly("/", "/time", "/async", "/example_data");
		WebLink time = links.get(1);
		assertThat(time.getUri()).isEqualTo(URI.create("coap://127.0.0.1:5683/time"));
		assertThat(time.getSource()).isEqualTo(NODE);
		assertThat(time.getInterfaces()).containsExactly("clock");
		assertThat(time.getResourceTypes()).containsExactly("ticks");
		assertThat(time.getTitle()).isEqualTo("Internal Clock");
		assertThat(time.getContentFormats()).containsExactly(0);
		assertThat(time.isObservable()).isTrue();
		assertThat(links.get(2).isObservable()).isFalse();
		assertThat(links.get(2).getTitle()).isNull();
	}

	@Test
	void quotedValuesKeepSeparatorsAndEscapes() {
		List<WebLink> links = LinkFormatParser.parse(
				" <sensors/7> ; title=\"a, b; \\\"c\\\"\" ; rt=\"temperature-c humidity\" ; ct=\"0 50\" ; sz=1234 ;"
						+ " foo=bar ; foo=baz , <//other.example/x>;anchor=\"/\"",
				new InetSocketAddress("::1", 6000));
		WebLink sensor = links.get(0);
		assertThat(sensor.getUri()).isEqualTo(URI.create("coap://[0:0:0:0:0:0:0:1]:6000/sensors/7"));
		assertThat(sensor.getTitle()).isEqualTo("a, b; \"c\"");
		assertThat(sensor.getResourceTypes()).containsExactly("temperature-c", "humidity");
		assertThat(sensor.getContentFormats()).containsExactly(0, 50);
		assertThat(sensor.getSize()).isEqualTo(1234);
		assertThat(sensor.getAttributes().get("foo")).containsExactly("bar", "baz");
		assertThat(sensor.getAttribute("anchor")).isNull();
		assertThat(links.get(1).getUri()).isEqualTo(URI.create("coap://other.example/x"));
		assertThat(links.get(1).getAttribute("anchor")).isEqualTo("/");
	}

	@Test
	void uriTemplateTargetsAreKeptAndEncodedInTheirUri() {
		List<WebLink> links = LinkFormatParser.parse("</sensors/{id}>;rt=\"temperature-c\";ep=\"kitchen\",</a b>",
				NODE);
		assertThat(links.get(0).getTarget()).isEqualTo("/sensors/{id}");
		assertThat(links.get(0).getUri()).isEqualTo(URI.create("coap://127.0.0.1:5683/sensors/%7Bid%7D"));
		assertThat(links.get(0).getAttribute("ep")).isEqualTo("kitchen");
		assertThat(links.get(1).getUri()).isEqualTo(URI.create("coap://127.0.0.1:5683/a%20b"));
	}

	@Test
	void emptyDocumentHasNoLinks() {
		assertThat(LinkFormatParser.parse("  ", NODE)).isEmpty();
	}

	@Test
	void malformedDocumentNamesThePosition() {
		assertThatIllegalArgumentException().isThrownBy(() -> LinkFormatParser.parse("</a>;title=\"open", NODE))
			.withMessageContaining("unterminated quoted value");
		assertThatIllegalArgumentException().isThrownBy(() -> LinkFormatParser.parse("</a> </b>", NODE))
			.withMessageContaining("position 5");
	}

	@Test
	void filtersMatchValuesPrefixesAndTargets() {
		List<WebLink> links = LinkFormatParser.parse(
				"</sensors/7>;rt=\"temperature-c humidity\";obs,</sensors/8>;rt=\"temperature-f\",</config>", NODE);
		assertThat(links.stream().filter(WebLinkFilter.parse("rt=temperature-c")::matches))
			.extracting(WebLink::getTarget)
			.containsExactly("/sensors/7");
		assertThat(links.stream().filter(WebLinkFilter.parse("rt=temperature*")::matches)).hasSize(2);
		assertThat(links.stream().filter(WebLinkFilter.parse("href=/sensors*")::matches)).hasSize(2);
		assertThat(links.stream().filter(WebLinkFilter.parse("obs=")::matches)).extracting(WebLink::getTarget)
			.containsExactly("/sensors/7");
		assertThat(WebLinkFilter.parse("rt=x").toQuery()).isEqualTo("rt=x");
		assertThatIllegalArgumentException().isThrownBy(() -> WebLinkFilter.parse("rt"));
	}

}
