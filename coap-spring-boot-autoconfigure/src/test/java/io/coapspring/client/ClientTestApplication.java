package io.coapspring.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.coapspring.autoconfigure.CoapConfigurationCustomizer;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.EncodedPayload;
import io.coapspring.server.CoapServerCustomizer;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.option.OpaqueOptionDefinition;
import org.eclipse.californium.core.coap.option.StringOptionDefinition;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ResolvableType;

/**
 * The application of the client's end-to-end tests: the auto-configured CoAP server with plain Californium
 * resources, and the auto-configured client.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ClientTestApplication {

	/** Size of the body of {@code /big}. */
	public static final int BIG_SIZE = 64 * 1024;

	@Bean
	RequestLog requestLog() {
		return new RequestLog();
	}

	@Bean
	CoapServerCustomizer requestLogCustomizer(RequestLog requestLog) {
		return (server) -> {
			for (Endpoint endpoint : server.getEndpoints()) {
				endpoint.addInterceptor(requestLog);
			}
		};
	}

	@Bean
	OpaqueOptionDefinition testOpaqueOption() {
		// the server parses with the standard options plus the application's: it keeps these custom options
		return new OpaqueOptionDefinition(65000, "Test-Opaque");
	}

	@Bean
	StringOptionDefinition testTextOption() {
		return new StringOptionDefinition(65002, "Test-Text");
	}

	@Bean
	CoapConfigurationCustomizer shortMaxAckTimeout() {
		// bounds the exponential back-off of the many retransmissions the lossy-link test allows
		return (configuration) -> configuration.set(CoapConfig.MAX_ACK_TIMEOUT, 1, TimeUnit.SECONDS);
	}

	@Bean
	Resource echoResource() {
		return new EchoResource();
	}

	@Bean
	Resource itemsResource() {
		return new CoapResource("items") {

			@Override
			public void handlePOST(CoapExchange exchange) {
				Response response = new Response(ResponseCode.CREATED);
				response.getOptions().setLocationPath("items/42").setLocationQuery("v=1");
				exchange.respond(response);
			}

		};
	}

	@Bean
	Resource sensorsResource(CoapMessageConverters converters) {
		return new SensorsResource(converters);
	}

	@Bean
	Resource errorResource() {
		return new CoapResource("error") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.respond(ResponseCode.NOT_FOUND, "no such sensor", MediaTypeRegistry.TEXT_PLAIN);
			}

			@Override
			public void handlePOST(CoapExchange exchange) {
				exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR, "boom");
			}

			@Override
			public void handlePUT(CoapExchange exchange) {
				exchange.respond(ResponseCode.BAD_REQUEST, "{\"title\":\"bad threshold\",\"value\":-1}",
						MediaTypeRegistry.APPLICATION_JSON);
			}

		};
	}

	@Bean
	Resource silentResource() {
		return new CoapResource("silent") {

			@Override
			public void handleGET(CoapExchange exchange) {
				// never answers
			}

		};
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService slowResponder() {
		return Executors.newSingleThreadScheduledExecutor();
	}

	@Bean
	Resource slowResource(ScheduledExecutorService slowResponder) {
		return new CoapResource("slow") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.accept();
				slowResponder.schedule(() -> exchange.respond("done"), 300, TimeUnit.MILLISECONDS);
			}

		};
	}

	@Bean
	Resource bigResource() {
		CoapResource big = new CoapResource("big") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.respond(ResponseCode.CONTENT, bigBody(), MediaTypeRegistry.APPLICATION_OCTET_STREAM);
			}

			@Override
			public void handlePUT(CoapExchange exchange) {
				byte[] body = exchange.getRequestPayload();
				exchange.respond(ResponseCode.CHANGED, body.length + ":" + sha256(body), MediaTypeRegistry.TEXT_PLAIN);
			}

		};
		big.getAttributes().setMaximumSizeEstimate(BIG_SIZE);
		return big;
	}

	@Bean
	CounterResource counterResource() {
		return new CounterResource("counter", 60);
	}

	@Bean
	CounterResource tickerResource() {
		return new CounterResource("ticker", 1);
	}

	/**
	 * The body of {@code /big}: deterministic, not repetitive within a block.
	 */
	public static byte[] bigBody() {
		byte[] body = new byte[BIG_SIZE];
		for (int i = 0; i < body.length; i++) {
			body[i] = (byte) ((i * 31 + (i >> 8)) & 0xFF);
		}
		return body;
	}

	public static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Echoes payload and Content-Format for every method; GET without payload answers "hello".
	 */
	static class EchoResource extends CoapResource {

		EchoResource() {
			super("echo");
			getAttributes().setTitle("Echo, \"quoted\"; with separators");
			getAttributes().addContentType(MediaTypeRegistry.TEXT_PLAIN);
		}

		@Override
		public void handleGET(CoapExchange exchange) {
			exchange.respond(ResponseCode.CONTENT, "hello", MediaTypeRegistry.TEXT_PLAIN);
		}

		@Override
		public void handlePOST(CoapExchange exchange) {
			echo(exchange, ResponseCode.CHANGED);
		}

		@Override
		public void handlePUT(CoapExchange exchange) {
			echo(exchange, ResponseCode.CHANGED);
		}

		@Override
		public void handleFETCH(CoapExchange exchange) {
			echo(exchange, ResponseCode.CONTENT);
		}

		@Override
		public void handlePATCH(CoapExchange exchange) {
			echo(exchange, ResponseCode.CHANGED);
		}

		@Override
		public void handleIPATCH(CoapExchange exchange) {
			echo(exchange, ResponseCode.CHANGED);
		}

		@Override
		public void handleDELETE(CoapExchange exchange) {
			exchange.respond(ResponseCode.DELETED);
		}

		private static void echo(CoapExchange exchange, ResponseCode code) {
			OptionSet options = exchange.getRequestOptions();
			int format = options.hasContentFormat() ? options.getContentFormat() : MediaTypeRegistry.TEXT_PLAIN;
			String prefix = exchange.getRequestCode() + ":";
			byte[] payload = exchange.getRequestPayload();
			if (format == MediaTypeRegistry.TEXT_PLAIN) {
				exchange.respond(code, prefix + new String(payload, StandardCharsets.UTF_8), format);
			}
			else {
				exchange.respond(code, payload, format);
			}
		}

	}

	/**
	 * {@code /sensors/{id}} answers a {@link Reading} in the accepted format; {@code PUT /sensors/{id}} reads
	 * one.
	 */
	static class SensorsResource extends CoapResource {

		private final CoapMessageConverters converters;

		SensorsResource(CoapMessageConverters converters) {
			super("sensors");
			this.converters = converters;
		}

		@Override
		public Resource getChild(String name) {
			return this;
		}

		@Override
		public void handleGET(CoapExchange exchange) {
			List<String> path = exchange.getRequestOptions().getUriPath();
			String unit = exchange.getQueryParameter("unit");
			Reading reading = new Reading(path.get(path.size() - 1), 21.5, (unit != null) ? unit : "C");
			OptionSet options = exchange.getRequestOptions();
			List<Integer> accept = options.hasAccept() ? List.of(options.getAccept()) : List.of();
			EncodedPayload payload = this.converters.write(reading, ResolvableType.forClass(Reading.class), accept);
			exchange.respond(ResponseCode.CONTENT, payload.bytes(), payload.contentFormat());
		}

		@Override
		public void handlePUT(CoapExchange exchange) {
			Reading reading = (Reading) this.converters.read(ResolvableType.forClass(Reading.class),
					exchange.getRequestPayload(), exchange.getRequestOptions().getContentFormat());
			exchange.respond(ResponseCode.CHANGED, "stored " + reading.sensor() + "=" + reading.value(),
					MediaTypeRegistry.TEXT_PLAIN);
		}

	}

	/**
	 * An observable counter; counts registrations and deregistrations.
	 */
	public static class CounterResource extends CoapResource {

		private final AtomicInteger value = new AtomicInteger();

		private final AtomicInteger registrations = new AtomicInteger();

		private final AtomicInteger deregistrations = new AtomicInteger();

		private final long maxAge;

		CounterResource(String name, long maxAge) {
			super(name);
			this.maxAge = maxAge;
			setObservable(true);
			getAttributes().addResourceType(name);
			getAttributes().addInterfaceDescription("sensor");
			getAttributes().addContentType(MediaTypeRegistry.TEXT_PLAIN);
			getAttributes().setTitle(name.substring(0, 1).toUpperCase() + name.substring(1));
		}

		@Override
		public void handleGET(CoapExchange exchange) {
			Integer observe = exchange.getRequestOptions().getObserve();
			if (observe != null && observe == 0) {
				this.registrations.incrementAndGet();
			}
			else if (observe != null && observe == 1) {
				this.deregistrations.incrementAndGet();
			}
			exchange.setMaxAge(this.maxAge);
			exchange.respond(ResponseCode.CONTENT, String.valueOf(this.value.get()), MediaTypeRegistry.TEXT_PLAIN);
		}

		public void set(int value) {
			this.value.set(value);
			changed();
		}

		public int getRegistrations() {
			return this.registrations.get();
		}

		public int getDeregistrations() {
			return this.deregistrations.get();
		}

	}

}
