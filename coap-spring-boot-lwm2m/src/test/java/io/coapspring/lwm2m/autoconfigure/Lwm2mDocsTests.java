package io.coapspring.lwm2m.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property table of docs/lwm2m.md is the generated configuration metadata: every property documented, none
 * documented that does not exist, defaults and descriptions as generated.
 */
class Lwm2mDocsTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static final Path DOCS = Path.of("../docs/lwm2m.md");

	private static final Pattern ROW = Pattern
		.compile("^\\|\\s*`(coap\\.lwm2m\\.[^`]+)`\\s*\\|\\s*(?:`([^`]*)`)?\\s*\\|\\s*(.*?)\\s*\\|\\s*$");

	@Test
	void propertyTableIsTheGeneratedMetadata() throws IOException {
		List<Map<String, Object>> properties = JsonPath.read(METADATA.toFile(), "$.properties[*]");
		Map<String, List<String>> generated = new LinkedHashMap<>();
		for (Map<String, Object> property : properties) {
			if (!((String) property.get("name")).startsWith("coap.lwm2m.")) {
				continue;
			}
			Object defaultValue = property.get("defaultValue");
			generated.put((String) property.get("name"),
					List.of((defaultValue != null) ? String.valueOf(defaultValue) : "",
							String.valueOf(property.get("description"))));
		}
		Map<String, List<String>> documented = new LinkedHashMap<>();
		for (String line : Files.readAllLines(DOCS, StandardCharsets.UTF_8)) {
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				documented.put(row.group(1), List.of((row.group(2) != null) ? row.group(2) : "", row.group(3)));
			}
		}
		assertThat(generated).containsKey("coap.lwm2m.server.port");
		assertThat(documented).isEqualTo(generated);
	}

}
