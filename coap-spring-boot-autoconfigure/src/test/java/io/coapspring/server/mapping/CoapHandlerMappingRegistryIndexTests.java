package io.coapspring.server.mapping;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import io.coapspring.annotation.CoapMethod;
import org.junit.jupiter.api.Test;

import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the index of {@link CoapHandlerMappingRegistry} finds exactly what trying every pattern in order
 * finds: the same patterns in the same order with the same variables, for random patterns and paths.
 */
class CoapHandlerMappingRegistryIndexTests {

	private static final String[] LITERALS = { "a", "b", "c", "dev", "12" };

	private static final String[] PATH_SEGMENTS = { "a", "b", "c", "dev", "12", "7", "ab", "zz", "x-1" };

	private static final CoapMethod[] METHODS = CoapMethod.values();

	private final Random random = new Random(20261122L);

	private final Map<String, Pattern> regexes = new HashMap<>();

	@Test
	void indexFindsWhatALinearScanFinds() {
		CoapHandlerMappingRegistry registry = new CoapHandlerMappingRegistry();
		Map<String, Integer> registeredShapes = new HashMap<>();
		Method handler = ReflectionUtils.findMethod(Handlers.class, "handle");
		CoapHandlerMethod handlerMethod = new CoapHandlerMethod(new Handlers(), handler);
		List<String> patterns = new ArrayList<>();
		while (patterns.size() < 2_000) {
			String pattern = randomPattern();
			CoapPathPattern parsed = CoapPathPattern.parse(pattern);
			int registered = registeredShapes.merge(parsed.getShape(), 1, Integer::sum);
			if (registered > METHODS.length) {
				continue;
			}
			CoapMappingInfo info = new CoapMappingInfo(List.of(parsed), Set.of(METHODS[registered - 1]), List.of(),
					List.of(), false, true, false, List.of(), List.of(), null, -1, false, -1);
			registry.register(new CoapHandlerMapping(parsed, info, handlerMethod));
			patterns.add(parsed.getPattern());
		}
		List<CoapPathPattern> ordered = patterns.stream().distinct().map(CoapPathPattern::parse).sorted().toList();
		List<List<String>> orderedSegments = ordered.stream().map((pattern) -> segments(pattern.getPattern())).toList();
		List<List<String>> paths = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			paths.add(randomPath());
			paths.add(pathOf(patterns.get(this.random.nextInt(patterns.size()))));
		}
		paths.add(List.of());
		int matched = 0;
		int multiple = 0;
		for (List<String> path : paths) {
			List<String> expected = linearMatch(ordered, orderedSegments, path);
			List<CoapPathMatch> actual = registry.match(path);
			assertThat(actual).extracting(CoapHandlerMappingRegistryIndexTests::describe).as("matches of %s", path)
				.containsExactlyElementsOf(expected);
			for (CoapPathMatch match : actual) {
				assertThat(match.mappings()).allMatch((mapping) -> mapping.pattern().equals(match.pattern()));
				assertThat(match.variables()).containsOnlyKeys(match.pattern().getVariableNames());
			}
			matched += actual.isEmpty() ? 0 : 1;
			multiple += (actual.size() > 1) ? 1 : 0;
		}
		assertThat(matched).as("paths that match").isGreaterThan(paths.size() / 2);
		assertThat(multiple).as("paths that match several patterns").isGreaterThan(paths.size() / 10);
	}

	private String randomPattern() {
		int length = this.random.nextInt(6);
		StringBuilder pattern = new StringBuilder();
		boolean rest = false;
		for (int i = 0; i < length; i++) {
			pattern.append('/');
			int kind = this.random.nextInt(20);
			if (kind < 11) {
				pattern.append(LITERALS[this.random.nextInt(LITERALS.length)]);
			}
			else if (kind < 14) {
				pattern.append("{v").append(i).append('}');
			}
			else if (kind < 17) {
				pattern.append("{v").append(i).append(":\\d+}");
			}
			else if (kind < 18) {
				pattern.append("{v").append(i).append(":[a-c]+}");
			}
			else if (i == length - 1) {
				pattern.append("{*rest}");
				rest = true;
			}
			else {
				pattern.append("{v").append(i).append('}');
			}
		}
		if (!rest && this.random.nextInt(10) == 0) {
			pattern.append("/{*rest}");
		}
		return pattern.isEmpty() ? "/" : pattern.toString();
	}

	private List<String> randomPath() {
		int length = this.random.nextInt(7);
		List<String> path = new ArrayList<>();
		for (int i = 0; i < length; i++) {
			path.add(PATH_SEGMENTS[this.random.nextInt(PATH_SEGMENTS.length)]);
		}
		return List.copyOf(path);
	}

	private List<String> pathOf(String pattern) {
		List<String> path = new ArrayList<>();
		for (String segment : segments(pattern)) {
			if (segment.startsWith("{*")) {
				int rest = this.random.nextInt(3);
				for (int i = 0; i < rest; i++) {
					path.add(PATH_SEGMENTS[this.random.nextInt(PATH_SEGMENTS.length)]);
				}
			}
			else if (segment.contains(":\\d+")) {
				path.add(String.valueOf(this.random.nextInt(100)));
			}
			else if (segment.contains(":[a-c]+")) {
				path.add("ab");
			}
			else if (segment.startsWith("{")) {
				path.add(PATH_SEGMENTS[this.random.nextInt(PATH_SEGMENTS.length)]);
			}
			else {
				path.add(segment);
			}
		}
		return List.copyOf(path);
	}

	private List<String> linearMatch(List<CoapPathPattern> ordered, List<List<String>> segments, List<String> path) {
		List<String> matches = new ArrayList<>();
		for (int i = 0; i < ordered.size(); i++) {
			Map<String, String> variables = referenceMatch(segments.get(i), path);
			if (variables != null) {
				matches.add(ordered.get(i).getPattern() + " " + variables);
			}
		}
		return matches;
	}

	private Map<String, String> referenceMatch(List<String> segments, List<String> path) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (int i = 0; i < segments.size(); i++) {
			String segment = segments.get(i);
			if (segment.startsWith("{*")) {
				if (i > path.size()) {
					return null;
				}
				variables.put(segment.substring(2, segment.length() - 1), String.join("/", path.subList(i, path.size())));
				return variables;
			}
			if (i >= path.size()) {
				return null;
			}
			String value = path.get(i);
			if (segment.startsWith("{")) {
				String inner = segment.substring(1, segment.length() - 1);
				int colon = inner.indexOf(':');
				if (colon >= 0 && !this.regexes.computeIfAbsent(inner.substring(colon + 1), Pattern::compile)
					.matcher(value)
					.matches()) {
					return null;
				}
				variables.put((colon >= 0) ? inner.substring(0, colon) : inner, value);
			}
			else if (!segment.equals(value)) {
				return null;
			}
		}
		return (segments.size() == path.size()) ? variables : null;
	}

	private static List<String> segments(String pattern) {
		return List.of(pattern.split("/")).stream().filter((segment) -> !segment.isEmpty()).toList();
	}

	private static String describe(CoapPathMatch match) {
		return match.pattern().getPattern() + " " + new LinkedHashMap<>(match.variables());
	}

	static class Handlers {

		void handle() {
		}

	}

}
