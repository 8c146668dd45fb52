package io.coapspring.interop;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.eclipse.californium.core.WebLink;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.LinkFormat;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TD_COAP_LINK_01 to 09 of the ETSI CoAP#4 plugtests: {@code /.well-known/core} (RFC 6690), its query filters and
 * a hierarchy of link descriptions. As the descriptions say, the expected links are extracted from the server's
 * own {@code /.well-known/core}, fetched first by the same client.
 */
final class LinkTestDescriptions {

	private LinkTestDescriptions() {
	}

	static List<TestDescription> all() {
		return List.of(
				TestDescription.of("TD_COAP_LINK_01", "Access to well-known interface for resource discovery",
						LinkTestDescriptions::wellKnownCore),
				TestDescription.of("TD_COAP_LINK_02", "Use filtered requests for limiting discovery results",
						(test) -> filter(test, "rt=Type1", (link) -> has(link, "rt", "Type1"), "/link1", "/link3")),
				TestDescription.of("TD_COAP_LINK_03", "Handle empty prefix value strings",
						(test) -> filter(test, "rt=*", (link) -> link.getAttributes().containsAttribute("rt"),
								"/link1", "/link2", "/link3")),
				TestDescription.of("TD_COAP_LINK_04", "Filter discovery results in presence of multiple rt attributes",
						(test) -> filter(test, "rt=Type2", (link) -> has(link, "rt", "Type2"), "/link1", "/link2")),
				TestDescription.of("TD_COAP_LINK_05",
						"Filter discovery results using if attribute and prefix value strings",
						(test) -> filter(test, "if=If*", (link) -> hasPrefix(link, "if", "If"), "/link1", "/link2")),
				TestDescription.of("TD_COAP_LINK_06",
						"Filter discovery results using sz attribute and prefix value strings",
						(test) -> filter(test, "sz=*", (link) -> link.getAttributes().containsAttribute("sz"),
								"/large")),
				TestDescription.of("TD_COAP_LINK_07",
						"Filter discovery results using href attribute and complete value strings",
						(test) -> filter(test, "href=/link1", (link) -> link.getURI().equals("/link1"), "/link1")),
				TestDescription.of("TD_COAP_LINK_08",
						"Filter discovery results using href attribute and prefix value strings",
						(test) -> filter(test, "href=/link*", (link) -> link.getURI().startsWith("/link"), "/link1",
								"/link2", "/link3")),
				TestDescription.of("TD_COAP_LINK_09", "Arrange link descriptions hierarchically",
						LinkTestDescriptions::hierarchy));
	}

	/**
	 * TD_COAP_LINK_01.
	 */
	private static void wellKnownCore(PlugtestCase test) {
		Set<WebLink> links = discover(test, "");
		assertThat(uris(links)).as("links of /.well-known/core")
			.contains("/test", "/separate", "/seg1/seg2/seg3", "/query", "/location-query", "/multi-format",
					"/validate", "/create1", "/large", "/large-update", "/large-create", "/large-post", "/link1",
					"/link2", "/link3", "/path", "/obs");
	}

	/**
	 * TD_COAP_LINK_02 to 08: the filtered listing has exactly the links of the full listing that match.
	 */
	private static void filter(PlugtestCase test, String query, Predicate<WebLink> matching, String... atLeast) {
		Set<WebLink> all = discover(test, "");
		Set<String> expected = all.stream().filter(matching).map(WebLink::getURI).collect(Collectors.toSet());
		assertThat(expected).as("links of the full listing that match " + query).contains(atLeast);
		test.tap().clear();
		Set<WebLink> filtered = discover(test, "?" + query);
		assertThat(test.wire().requests().get(0).getOptions().getUriQuery()).as("Uri-Query of the request")
			.containsExactly(query);
		assertThat(uris(filtered)).as("links of /.well-known/core?" + query)
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	/**
	 * TD_COAP_LINK_09: {@code /path} in {@code /.well-known/core} with ct=40, its sub-resources listed by
	 * {@code /path} itself, one of them retrieved.
	 */
	private static void hierarchy(PlugtestCase test) {
		WebLink path = discover(test, "").stream()
			.filter((link) -> link.getURI().equals("/path"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("/.well-known/core lists no /path"));
		assertThat(path.getAttributes().getContentTypes()).as("ct of /path").containsExactly("40");
		test.tap().clear();
		Set<WebLink> subResources = discover(test, "/path", "");
		assertThat(uris(subResources)).as("links of /path").contains("/path/sub1", "/path/sub2", "/path/sub3");
		test.tap().clear();
		String first = uris(subResources).stream().sorted().findFirst().orElseThrow();
		PeerResponse shown = test.send(PeerRequest.get(test.uri(first)));
		Response response = test.wire().responseTo(test.wire().request());
		Checks.code(response, ResponseCode.CONTENT);
		assertThat(response.getPayloadString()).as("payload of " + first).contains(first);
		Checks.shows(shown, response);
	}

	private static Set<WebLink> discover(PlugtestCase test, String query) {
		return discover(test, "/.well-known/core", query);
	}

	/**
	 * GET a link-format resource: every response (every block) is 2.05 with Content-Format 40, and the client
	 * shows the links that went over the wire.
	 */
	private static Set<WebLink> discover(PlugtestCase test, String path, String query) {
		PeerResponse shown = test.send(PeerRequest.get(test.uri(path + query)));
		Conversation wire = test.wire();
		Request request = wire.requests().get(0);
		Checks.request(request, Type.CON, Code.GET);
		assertThat("/" + request.getOptions().getUriPathString()).as("Uri-Path of the request").isEqualTo(path);
		List<Response> responses = wire.responses();
		assertThat(responses).as("responses").isNotEmpty();
		for (Response response : responses) {
			Checks.code(response, ResponseCode.CONTENT);
			assertThat(response.getOptions().getContentFormat()).as("Content-Format of the response")
				.isEqualTo(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
		}
		Checks.shows(shown, ResponseCode.CONTENT, Conversation.body(responses));
		return LinkFormat.parse(shown.text());
	}

	private static Set<String> uris(Set<WebLink> links) {
		return links.stream().map(WebLink::getURI).collect(Collectors.toSet());
	}

	private static boolean has(WebLink link, String attribute, String value) {
		return link.getAttributes().getAttributeValues(attribute).stream()
			.flatMap((values) -> List.of(values.split(" ")).stream())
			.anyMatch(value::equals);
	}

	private static boolean hasPrefix(WebLink link, String attribute, String prefix) {
		return link.getAttributes().getAttributeValues(attribute).stream()
			.flatMap((values) -> List.of(values.split(" ")).stream())
			.anyMatch((value) -> value.startsWith(prefix));
	}

}
