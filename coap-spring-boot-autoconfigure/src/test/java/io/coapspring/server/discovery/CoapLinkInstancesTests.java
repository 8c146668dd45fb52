package io.coapspring.server.discovery;

import java.util.List;
import java.util.Map;

import io.coapspring.server.mapping.CoapPathPattern;
import org.eclipse.californium.core.server.resources.ResourceAttributes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CoapLinkInstances}, {@link CoapLinkInstance} and the expansion of their values into link
 * targets.
 */
class CoapLinkInstancesTests {

	@Test
	void valuesAreEncodedAsOneSegmentEach() {
		CoapPathPattern pattern = CoapPathPattern.parse("/sensors/{id}");
		assertThat(expand(pattern, CoapLinkInstance.of("7"))).isEqualTo("/sensors/7");
		assertThat(expand(pattern, CoapLinkInstance.of("a/b"))).isEqualTo("/sensors/a%2Fb");
		assertThat(expand(pattern, CoapLinkInstance.of("living room"))).isEqualTo("/sensors/living%20room");
		assertThat(expand(pattern, CoapLinkInstance.of("{id}"))).isEqualTo("/sensors/%7Bid%7D");
		assertThat(expand(pattern, CoapLinkInstance.of("a,b;c=\"d\"<e>*")))
			.isEqualTo("/sensors/a%2Cb%3Bc%3D%22d%22%3Ce%3E%2A");
		assertThat(expand(pattern, CoapLinkInstance.of("50%"))).isEqualTo("/sensors/50%25");
		assertThat(expand(pattern, CoapLinkInstance.of("ü-1.x_~"))).isEqualTo("/sensors/%C3%BC-1.x_~");
	}

	@Test
	void variablesByNameOrInOrder() {
		CoapPathPattern pattern = CoapPathPattern.parse("/rooms/{room}/sensors/{id}");
		assertThat(expand(pattern, CoapLinkInstance.of("hall", "7"))).isEqualTo("/rooms/hall/sensors/7");
		assertThat(expand(pattern, CoapLinkInstance.of(Map.of("id", 7, "room", "hall"))))
			.isEqualTo("/rooms/hall/sensors/7");
		assertThat(expand(pattern, CoapLinkInstance.of("hall"))).isNull();
		assertThat(expand(pattern, CoapLinkInstance.of(Map.of("room", "hall")))).isNull();
	}

	@Test
	void restVariableKeepsItsSegments() {
		CoapPathPattern pattern = CoapPathPattern.parse("/files/{*path}");
		assertThat(expand(pattern, CoapLinkInstance.of("docs/read me.txt"))).isEqualTo("/files/docs/read%20me.txt");
		assertThat(expand(pattern, CoapLinkInstance.of(""))).isEqualTo("/files");
	}

	@Test
	void valuesThatCannotRouteBackAreRefused() {
		assertThat(expand(CoapPathPattern.parse("/lights/{id:\\d+}"), CoapLinkInstance.of("x"))).isNull();
		assertThat(expand(CoapPathPattern.parse("/lights/{id:\\d+}"), CoapLinkInstance.of("12")))
			.isEqualTo("/lights/12");
		CoapPathPattern pattern = CoapPathPattern.parse("/sensors/{id}");
		assertThat(expand(pattern, CoapLinkInstance.of(""))).isNull();
		assertThat(expand(pattern, CoapLinkInstance.of(".."))).isNull();
		assertThat(expand(pattern, CoapLinkInstance.of("."))).isNull();
	}

	@Test
	void supplierElementsBecomeInstances() {
		CoapLinkInstances instances = CoapLinkInstances.of("sensors/{id}/", () -> List.of(7, "8",
				Map.of("id", "9"), CoapLinkInstance.of("10").withTitle("Ten")));
		assertThat(instances.getPattern()).isEqualTo("/sensors/{id}");
		assertThat(instances.getInstances()).containsExactly(CoapLinkInstance.of("7"), CoapLinkInstance.of("8"),
				CoapLinkInstance.of(Map.of("id", "9")), CoapLinkInstance.of("10").withTitle("Ten"));
	}

	@Test
	void literalPatternIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CoapLinkInstances.of("/sensors", List::of))
			.withMessageContaining("has no variables");
	}

	@Test
	void attributesAreEscapedAndAdded() {
		ResourceAttributes attributes = new ResourceAttributes();
		attributes.addResourceType("temperature-c");
		attributes.setTitle("Temperature");
		CoapLinkInstance.of("1")
			.withTitle("Kitchen \"north\" \\ 1\r\n")
			.withResourceType("temperature-c", "outdoor")
			.withInterfaceDescription("sensor")
			.withAttribute("anchor", "/rooms/1")
			.applyTo(attributes);
		assertThat(attributes.getTitle()).isEqualTo("Kitchen \\\"north\\\" \\\\ 1  ");
		assertThat(attributes.getResourceTypes()).containsExactly("temperature-c", "outdoor");
		assertThat(attributes.getInterfaceDescriptions()).containsExactly("sensor");
		assertThat(attributes.getAttributeValues("anchor")).containsExactly("/rooms/1");
	}

	@Test
	void attributesOfTheMappingOrNodeCannotBeSetPerInstance() {
		CoapLinkInstance instance = CoapLinkInstance.of("1");
		assertThatIllegalArgumentException().isThrownBy(() -> instance.withAttribute("ct", "50"));
		assertThatIllegalArgumentException().isThrownBy(() -> instance.withAttribute("ep", "other"));
		assertThatIllegalArgumentException().isThrownBy(() -> instance.withAttribute("a b", "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> instance.withResourceType("two words"));
	}

	private static String expand(CoapPathPattern pattern, CoapLinkInstance instance) {
		return CoapLinkTargets.expand(pattern, instance);
	}

}
