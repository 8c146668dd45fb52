package io.coapspring.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.coapspring.rd.RdRegisteredEvent;
import io.coapspring.rd.RdRegistration;
import io.coapspring.rd.RdRegistrationEvent;
import io.coapspring.rd.RdRemovedEvent;
import io.coapspring.rd.RdUpdatedEvent;
import io.coapspring.rd.ResourceDirectory;
import io.coapspring.server.context.LocalCoapPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Resource Directory server (RFC 9176) against clients nobody here wrote: aiocoap's RD client
 * ({@code aiocoap.resourcedirectory.client.register.Registerer}) discovers it, registers, renews and removes
 * itself, looks up and does a simple registration; libcoap's {@code coap-client-notls} registers, updates, looks
 * up and deletes. A missing peer skips the test (fails it on CI).
 */
@SpringBootTest(classes = ResourceDirectoryInteropTests.RdApplication.class,
		properties = { "coap.server.port=0", "coap.rd.server.enabled=true", "coap.rd.server.min-lifetime=1s",
				"spring.main.banner-mode=off" })
class ResourceDirectoryInteropTests {

	private static final Pattern PDU = Pattern.compile("v:1 t:\\S+ c:(\\d\\.\\d\\d) i:.*");

	private static final Pattern LOCATION_PATH = Pattern.compile("Location-Path:([^,\\]\\s]+)");

	@LocalCoapPort
	int port;

	@Autowired
	ResourceDirectory directory;

	@Autowired
	Events events;

	@BeforeEach
	void clearEvents() {
		this.events.received.clear();
	}

	private String rd() {
		return "coap://127.0.0.1:" + this.port;
	}

	@Test
	void aiocoapRegistererDiscoversRegistersRenewsLooksUpAndRemoves() {
		PlugtestClients.requireAiocoap();
		String output = ProcessOutput.run(List.of(PlugtestClients.SYSTEM_PYTHON.toString(),
				PlugtestClients.resource("aiocoap/rd_registerer.py").toString(), rd(), "4"), Duration.ofSeconds(60));
		List<JsonNode> steps = steps(output);
		assertThat(step(steps, "registered", output).path("state").asString()).isEqualTo("registered");
		assertThat(step(steps, "resource-lookup", output).path("payload").asString())
			.containsPattern("<coap://127\\.0\\.0\\.1:\\d+/sensors/temp>;ct=\"0\";rt=\"temperature-c\"");
		assertThat(step(steps, "endpoint-lookup", output).path("payload").asString())
			.matches("</rd/[a-z2-9]+>;ep=\"aiocoap-node\";base=\"coap://127\\.0\\.0\\.1:\\d+\";rt=\"core\\.rd-ep\"");
		assertThat(step(steps, "renewed", output).path("state").asString()).isEqualTo("registered");
		assertThat(step(steps, "simple-registration", output).path("code").asString()).contains("2.04");
		assertThat(step(steps, "simple-lookup", output).path("payload").asString())
			.contains("/sensors/temp>").contains("rt=\"temperature-c\"");
		assertThat(step(steps, "lookup-after-removal", output).path("payload").asString()).isEmpty();
		List<String> aiocoapNode = this.events.received.stream()
			.filter((event) -> event.getRegistration().endpoint().equals("aiocoap-node"))
			.map((event) -> event.getClass().getSimpleName())
			.toList();
		assertThat(aiocoapNode).startsWith(RdRegisteredEvent.class.getSimpleName())
			.contains(RdUpdatedEvent.class.getSimpleName())
			.endsWith(RdRemovedEvent.class.getSimpleName());
		assertThat(this.directory.findEndpoint("aiocoap-node", null)).isEmpty();
		assertThat(this.directory.findEndpoint("aiocoap-simple", null)).isPresent();
	}

	private static List<JsonNode> steps(String output) {
		JsonMapper mapper = JsonMapper.builder().build();
		List<JsonNode> steps = new ArrayList<>();
		for (String line : output.split("\n")) {
			if (line.startsWith("{")) {
				steps.add(mapper.readTree(line));
			}
		}
		return steps;
	}

	private static JsonNode step(List<JsonNode> steps, String name, String output) {
		return steps.stream()
			.filter((step) -> name.equals(step.path("step").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("aiocoap did not reach step " + name + ":\n" + output));
	}

	@Test
	void libcoapRegistersUpdatesLooksUpAndDeletes() {
		String links = "</sensors/temp>;rt=\"temperature-c\";ct=0;obs,</sensors/light>;rt=\"light-lux\";if=\"sensor\"";
		Libcoap created = libcoap("post", "/rd?ep=libcoap-node&lt=120&base=coap://127.0.0.1:5683", links);
		assertThat(created.code()).as(created.log()).isEqualTo("2.01");
		String location = "/" + String.join("/", created.locationPath());
		RdRegistration registration = this.directory.findEndpoint("libcoap-node", null).orElseThrow();
		assertThat(registration.location()).isEqualTo(location);

		Libcoap updated = libcoap("post", location + "?lt=600", null);
		assertThat(updated.code()).as(updated.log()).isEqualTo("2.04");
		assertThat(this.directory.getRegistration(location).orElseThrow().lifetime())
			.isEqualTo(Duration.ofSeconds(600));

		Libcoap resources = libcoap("get", "/rd-lookup/res?rt=light-lux", null);
		assertThat(resources.payload())
			.isEqualTo("<coap://127.0.0.1:5683/sensors/light>;rt=\"light-lux\";if=\"sensor\"");
		Libcoap endpoints = libcoap("get", "/rd-lookup/ep?rt=temperature-c&ep=libcoap-*", null);
		assertThat(endpoints.payload()).isEqualTo(
				"<" + location + ">;ep=\"libcoap-node\";base=\"coap://127.0.0.1:5683\";rt=\"core.rd-ep\"");

		Libcoap malformed = libcoap("post", "/rd?ep=libcoap-bad", "</a>;rt=\"unterminated");
		assertThat(malformed.code()).isEqualTo("4.00");
		assertThat(this.directory.findEndpoint("libcoap-bad", null)).isEmpty();

		Libcoap deleted = libcoap("delete", location, null);
		assertThat(deleted.code()).as(deleted.log()).isEqualTo("2.02");
		assertThat(this.directory.findEndpoint("libcoap-node", null)).isEmpty();
		assertThat(libcoap("get", location, null).code()).isEqualTo("4.04");
	}

	private Libcoap libcoap(String method, String pathAndQuery, String linkFormat) {
		String executable = Peers.onPath(LibcoapPlugtestClient.COMMAND)
			.map(Object::toString)
			.orElseGet(() -> Peers.missing(
					LibcoapPlugtestClient.COMMAND + " is not installed: install the Debian package libcoap3-bin"));
		List<String> command = new ArrayList<>(List.of(executable, "-v", "7", "-B", "10", "-m", method));
		if (linkFormat != null) {
			command.addAll(List.of("-t", "40", "-e", linkFormat));
		}
		command.add(rd() + pathAndQuery);
		Path output;
		try {
			output = Files.createTempFile("rd-libcoap-", ".out");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		command.addAll(command.size() - 1, List.of("-o", output.toString()));
		String log = ProcessOutput.run(command, Duration.ofSeconds(30));
		String code = null;
		List<String> locationPath = new ArrayList<>();
		for (String line : log.split("\n")) {
			Matcher pdu = PDU.matcher(line.strip());
			if (pdu.find() && !pdu.group(1).startsWith("0.")) {
				code = pdu.group(1);
				locationPath.clear();
				Matcher location = LOCATION_PATH.matcher(line);
				while (location.find()) {
					locationPath.add(location.group(1));
				}
			}
		}
		String payload;
		try {
			payload = Files.readString(output, StandardCharsets.UTF_8).strip();
			Files.delete(output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Libcoap(code, locationPath, payload, log);
	}

	record Libcoap(String code, List<String> locationPath, String payload, String log) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class RdApplication {

		@Bean
		Events events() {
			return new Events();
		}

	}

	static class Events {

		final List<RdRegistrationEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(RdRegistrationEvent event) {
			this.received.add(event);
		}

	}

}
