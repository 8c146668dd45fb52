package io.coapspring.client;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link UriTemplateExpander}.
 */
class UriTemplateExpanderTests {

	private final UriTemplateExpander absolute = new UriTemplateExpander(null);

	@Test
	void positionalVariablesAreStrictlyEncoded() {
		URI uri = this.absolute.expand("coap://[fd00::7]:5683/sensors/{id}?unit={unit}", "a b/ü", "F&x=1");
		assertThat(uri.getHost()).isEqualTo("[fd00::7]");
		assertThat(uri.getRawPath()).isEqualTo("/sensors/a%20b%2F%C3%BC");
		assertThat(uri.getRawQuery()).isEqualTo("unit=F%26x%3D1");
	}

	@Test
	void repeatedNameTakesOneValueAndRegexIsIgnored() {
		assertThat(this.absolute.expand("coap://h/{a:\\d+}/{b}/{a}", "1", "2")).hasToString("coap://h/1/2/1");
	}

	@Test
	void namedVariables() {
		assertThat(this.absolute.expand("coap://h/{x}", Map.of("x", "y"))).hasToString("coap://h/y");
	}

	@Test
	void missingValuesAreReported() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.absolute.expand("coap://h/{a}/{b}", "1"))
			.withMessageContaining("'b'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.absolute.expand("coap://h/{a}", Map.of()))
			.withMessageContaining("'a'");
	}

	@Test
	void literalTextIsEncodedOnlyWhereNeeded() {
		assertThat(this.absolute.expand("coap://h/a b?q=1&r=%20")).hasToString("coap://h/a%20b?q=1&r=%20");
	}

	@Test
	void relativeUrisResolveAgainstTheBaseUri() {
		UriTemplateExpander base = new UriTemplateExpander("coap://h:1/api/");
		assertThat(base.expand("/temp/{id}", 7)).hasToString("coap://h:1/api/temp/7");
		assertThat(base.expand("temp")).hasToString("coap://h:1/api/temp");
		assertThat(base.expand("")).hasToString("coap://h:1/api");
		assertThat(base.expand("?x=1")).hasToString("coap://h:1/api?x=1");
		assertThat(base.expand("coap://other/x")).hasToString("coap://other/x");
		assertThat(base.resolve(URI.create("/y"))).hasToString("coap://h:1/api/y");
	}

	@Test
	void relativeUriWithoutBaseIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.absolute.expand("/x"))
			.withMessageContaining("no base URI");
	}

}
