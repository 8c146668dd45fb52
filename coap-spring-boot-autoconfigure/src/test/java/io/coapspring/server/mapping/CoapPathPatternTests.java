package io.coapspring.server.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CoapPathPattern}.
 */
class CoapPathPatternTests {

	@Test
	void normalizesSlashes() {
		assertThat(CoapPathPattern.parse("").getPattern()).isEqualTo("/");
		assertThat(CoapPathPattern.parse("/").getPattern()).isEqualTo("/");
		assertThat(CoapPathPattern.parse("sensors//{id}/").getPattern()).isEqualTo("/sensors/{id}");
	}

	@Test
	void literalSegmentsMatchExactly() {
		CoapPathPattern pattern = CoapPathPattern.parse("/sensors/temp");
		assertThat(pattern.match(List.of("sensors", "temp"))).isEmpty();
		assertThat(pattern.match(List.of("sensors", "Temp"))).isNull();
		assertThat(pattern.match(List.of("sensors"))).isNull();
		assertThat(pattern.match(List.of("sensors", "temp", "x"))).isNull();
		assertThat(CoapPathPattern.parse("/").match(List.of())).isEmpty();
	}

	@Test
	void variablesCaptureOneSegment() {
		CoapPathPattern pattern = CoapPathPattern.parse("/sensors/{id}/history/{range}");
		assertThat(pattern.match(List.of("sensors", "7", "history", "24h"))).containsExactly(Map.entry("id", "7"),
				Map.entry("range", "24h"));
		assertThat(pattern.match(List.of("sensors", "7", "history"))).isNull();
		assertThat(pattern.getVariableNames()).containsExactly("id", "range");
		assertThat(pattern.hasVariables()).isTrue();
	}

	@Test
	void constrainedVariablesMatchTheirRegularExpression() {
		CoapPathPattern pattern = CoapPathPattern.parse("/sensors/{id:\\d{1,3}}");
		assertThat(pattern.match(List.of("sensors", "42"))).containsEntry("id", "42");
		assertThat(pattern.match(List.of("sensors", "4242"))).isNull();
		assertThat(pattern.match(List.of("sensors", "x"))).isNull();
	}

	@Test
	void restVariableCapturesZeroOrMoreSegments() {
		CoapPathPattern pattern = CoapPathPattern.parse("/files/{*path}");
		assertThat(pattern.match(List.of("files", "a", "b.txt"))).containsEntry("path", "a/b.txt");
		assertThat(pattern.match(List.of("files"))).containsEntry("path", "");
		assertThat(pattern.match(List.of("other"))).isNull();
	}

	@Test
	void malformedPatternsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> CoapPathPattern.parse("/{*rest}/x"))
			.withMessage("Invalid CoAP path pattern '/{*rest}/x': {*rest} must be the last segment");
		assertThatIllegalArgumentException().isThrownBy(() -> CoapPathPattern.parse("/{id}/{id}"))
			.withMessageContaining("variable 'id' is declared twice");
		assertThatIllegalArgumentException().isThrownBy(() -> CoapPathPattern.parse("/file.{ext}"))
			.withMessageContaining("a variable must be a whole segment");
		assertThatIllegalArgumentException().isThrownBy(() -> CoapPathPattern.parse("/{id:[}"))
			.withMessageContaining("invalid regular expression");
		assertThatIllegalArgumentException().isThrownBy(() -> CoapPathPattern.parse("/{1x}"))
			.withMessageContaining("not a valid variable name");
	}

	@Test
	void mostSpecificPatternsComeFirst() {
		// more literals, then more constrained variables, then more segments; rest variables last
		List<String> expected = List.of("/sensors/temp/latest", "/sensors/{id:\\d+}/latest", "/sensors/{id}/latest",
				"/sensors/temp", "/sensors/{id:\\d+}", "/sensors/{id}", "/{kind}/temp", "/sensors/{*rest}", "/{*all}");
		List<CoapPathPattern> patterns = new ArrayList<>();
		for (String pattern : expected) {
			patterns.add(CoapPathPattern.parse(pattern));
		}
		Collections.shuffle(patterns, new java.util.Random(7));
		Collections.sort(patterns);
		assertThat(patterns).extracting(CoapPathPattern::getPattern).containsExactlyElementsOf(expected);
	}

	@Test
	void literalEarlierInThePathIsMoreSpecific() {
		CoapPathPattern left = CoapPathPattern.parse("/a/{x}/c");
		CoapPathPattern right = CoapPathPattern.parse("/a/b/{y}");
		assertThat(right).isLessThan(left);
	}

	@Test
	void shapeIgnoresVariableNamesButKeepsRegularExpressions() {
		assertThat(CoapPathPattern.parse("/a/{x}").getShape()).isEqualTo(CoapPathPattern.parse("/a/{y}").getShape());
		assertThat(CoapPathPattern.parse("/a/{x:\\d+}").getShape())
			.isNotEqualTo(CoapPathPattern.parse("/a/{x}").getShape());
		assertThat(CoapPathPattern.parse("/a/{*x}").getShape()).isEqualTo("/a/{*}");
	}

	@Test
	void variablesAreAnUnmodifiableMapThatAMatchKeeps() {
		CoapPathPattern pattern = CoapPathPattern.parse("/a/{x}/{y:\\d+}/{*rest}");
		Map<String, String> variables = pattern.match(List.of("a", "1", "2", "b", "c"));
		assertThat(variables).containsExactly(Map.entry("x", "1"), Map.entry("y", "2"), Map.entry("rest", "b/c"));
		assertThat(variables).isEqualTo(Map.of("x", "1", "y", "2", "rest", "b/c"))
			.hasSameHashCodeAs(Map.of("x", "1", "y", "2", "rest", "b/c"));
		assertThat(variables.get("z")).isNull();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> variables.put("z", "3"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> variables.entrySet().iterator().next().setValue("3"));
		assertThat(new CoapPathMatch(pattern, variables, List.of()).variables()).isSameAs(variables);
		assertThat(CoapPathPattern.parse("/a").match(List.of("a"))).isSameAs(Map.of());
	}

}
