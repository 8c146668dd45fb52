package io.coapspring.rd;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RdLinkFormat}: the strict link-format reader and the writer.
 */
class RdLinkFormatTests {

	@Test
	void readsTargetsAndAttributesInDocumentOrder() {
		List<RdLink> links = RdLinkFormat.parse(
				"</sensors/temp>;rt=\"temperature-c\";ct=0;obs, </sensors/light>;rt=\"light-lux\";if=sensor;"
						+ "title=\"A, \\\"quoted\\\" title\";anchor=\"coap://[2001:db8::1]/\"",
				10);
		assertThat(links).hasSize(2);
		assertThat(links.get(0).target()).isEqualTo("/sensors/temp");
		assertThat(links.get(0).attributes()).containsExactly(Map.entry("rt", List.of("temperature-c")),
				Map.entry("ct", List.of("0")), Map.entry("obs", List.of()));
		assertThat(links.get(1).attribute("title")).isEqualTo("A, \"quoted\" title");
		assertThat(links.get(1).attribute("if")).isEqualTo("sensor");
		assertThat(links.get(1).attribute("anchor")).isEqualTo("coap://[2001:db8::1]/");
	}

	@Test
	void anEmptyDocumentHasNoLinks() {
		assertThat(RdLinkFormat.parse("", 10)).isEmpty();
		assertThat(RdLinkFormat.parse("  \n", 10)).isEmpty();
	}

	@Test
	void writesWhatItReads() {
		String document = "</a>;rt=\"x y\";obs,<coap://h:1/b>;title=\"say \\\"hi\\\"\"";
		assertThat(RdLinkFormat.write(RdLinkFormat.parse(document, 10))).isEqualTo(document);
	}

	@Test
	void rejectsMalformedDocumentsNamingThePosition() {
		assertThatIllegalArgumentException().isThrownBy(() -> RdLinkFormat.parse("/a>;rt=x", 10))
			.withMessageContaining("position 0").withMessageContaining("expected '<'");
		assertThatIllegalArgumentException().isThrownBy(() -> RdLinkFormat.parse("</a;rt=x", 10))
			.withMessageContaining("unterminated link target");
		assertThatIllegalArgumentException().isThrownBy(() -> RdLinkFormat.parse("</a>;rt=\"x", 10))
			.withMessageContaining("unterminated quoted value");
		assertThatIllegalArgumentException().isThrownBy(() -> RdLinkFormat.parse("</a>;=x", 10))
			.withMessageContaining("expected an attribute name");
		assertThatIllegalArgumentException().isThrownBy(() -> RdLinkFormat.parse("</a>,", 10))
			.withMessageContaining("expected a link");
		assertThatIllegalArgumentException().isThrownBy(() -> RdLinkFormat.parse("</a> </b>", 10))
			.withMessageContaining("expected ';' or ','");
		assertThatIllegalArgumentException().isThrownBy(() -> RdLinkFormat.parse("</a b>", 10))
			.withMessageContaining("link target");
		assertThatIllegalArgumentException().isThrownBy(() -> RdLinkFormat.parse("</a>;anchor=\"::bad\"", 10))
			.withMessageContaining("anchor");
		assertThatIllegalArgumentException().isThrownBy(() -> RdLinkFormat.parse("</a>;rt=", 10))
			.withMessageContaining("expected a value");
	}

	@Test
	void rejectsMoreLinksThanAllowed() {
		assertThatIllegalArgumentException().isThrownBy(() -> RdLinkFormat.parse("</a>,</b>,</c>", 2))
			.withMessageContaining("More than 2 links");
	}

}
