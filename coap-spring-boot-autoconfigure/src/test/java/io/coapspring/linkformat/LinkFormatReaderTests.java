package io.coapspring.linkformat;

import java.util.List;
import java.util.Map;

import io.coapspring.linkformat.LinkFormatReader.Syntax;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LinkFormatReader}: one grammar, read strictly or leniently.
 */
class LinkFormatReaderTests {

	private static List<String> read(String document, Syntax syntax) {
		return LinkFormatReader.read(document, syntax, 10, (target, attributes) -> target + " " + attributes);
	}

	@Test
	void bothSyntaxesReadAWellFormedDocumentAlike() {
		String document = " </a>;rt=\"x y\";ct=0;obs , <coap://h:1/b>;title=\"a, b; \\\"c\\\"\";foo=1;foo=2";
		List<String> expected = List.of("/a {rt=[x y], ct=[0], obs=[]}",
				"coap://h:1/b {title=[a, b; \"c\"], foo=[1, 2]}");
		assertThat(read(document, Syntax.STRICT)).isEqualTo(expected);
		assertThat(read(document, Syntax.LENIENT)).isEqualTo(expected);
	}

	@Test
	void theLenientSyntaxToleratesWhatNodesSendInPractice() {
		String document = "</sensors/{id}>;rt = \"t\";sz=;é=1,";
		assertThat(read(document, Syntax.LENIENT)).containsExactly("/sensors/{id} {rt=[t], sz=[], é=[1]}");
		assertThatIllegalArgumentException().isThrownBy(() -> read(document, Syntax.STRICT))
			.withMessageContaining("position 1: link target");
		assertThatIllegalArgumentException().isThrownBy(() -> read("</a>;rt = \"t\"", Syntax.STRICT))
			.withMessageContaining("position 8: expected ';' or ','");
		assertThatIllegalArgumentException().isThrownBy(() -> read("</a>;sz=", Syntax.STRICT))
			.withMessageContaining("expected a value");
		assertThatIllegalArgumentException().isThrownBy(() -> read("</a>;é=1", Syntax.STRICT))
			.withMessageContaining("expected an attribute name");
		assertThatIllegalArgumentException().isThrownBy(() -> read("</a>,", Syntax.STRICT))
			.withMessageContaining("expected a link after ','");
	}

	@Test
	void bothSyntaxesRejectABrokenDocumentNamingThePosition() {
		for (Syntax syntax : Syntax.values()) {
			assertThatIllegalArgumentException().isThrownBy(() -> read("</a> </b>", syntax))
				.withMessage("Malformed link format at position 5: expected ';' or ','");
			assertThatIllegalArgumentException().isThrownBy(() -> read("</a>;t=\"x\\", syntax))
				.withMessageContaining("unterminated quoted value");
			assertThatIllegalArgumentException().isThrownBy(() -> read("<", syntax))
				.withMessageContaining("unterminated link target");
		}
	}

	@Test
	void theFactoryGetsEveryLinkAndTheLimitHolds() {
		List<Map<String, List<String>>> attributes = LinkFormatReader.read("</a>;x,</b>", Syntax.STRICT, 2,
				(target, values) -> values);
		assertThat(attributes).containsExactly(Map.of("x", List.of()), Map.of());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LinkFormatReader.read("</a>,</b>,</c>", Syntax.LENIENT, 2, (target, values) -> target))
			.withMessage("More than 2 links");
	}

}
