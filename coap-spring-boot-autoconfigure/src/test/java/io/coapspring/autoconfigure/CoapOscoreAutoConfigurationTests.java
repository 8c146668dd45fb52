package io.coapspring.autoconfigure;

import java.nio.file.Path;

import io.coapspring.client.CoapClientEndpoints;
import io.coapspring.oscore.OscoreCounters;
import io.coapspring.oscore.OscoreFailureLimiter;
import io.coapspring.oscore.OscoreMetrics;
import io.coapspring.oscore.OscoreRequiredInterceptor;
import io.coapspring.oscore.PersistentSequenceContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.stack.BaseCoapStack;
import org.eclipse.californium.oscore.HashMapCtxDB;
import org.eclipse.californium.oscore.OSCoreCtxDB;
import org.eclipse.californium.oscore.OSCoreUdpStack;
import org.eclipse.californium.oscore.ObjectSecurityContextLayer;
import org.eclipse.californium.oscore.ObjectSecurityLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapOscoreAutoConfiguration}.
 */
class CoapOscoreAutoConfigurationTests {

	private static final String CONTEXT = "coap.oscore.contexts.peer.";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class,
				CoapMessageConvertersAutoConfiguration.class, CoapHandlerAutoConfiguration.class,
				CoapOscoreAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapClientAutoConfiguration.class))
		.withPropertyValues("coap.server.port=0", "coap.server.address=127.0.0.1");

	private final ApplicationContextRunner enabled = this.runner.withPropertyValues("coap.oscore.enabled=true",
			CONTEXT + "master-secret=0102030405060708090a0b0c0d0e0f10", CONTEXT + "sender-id=01",
			CONTEXT + "recipient-id=02");

	@Test
	void disabledByDefaultButTheRequirementIsEnforced() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(OscoreRequiredInterceptor.class)
				.doesNotHaveBean(OSCoreCtxDB.class)
				.doesNotHaveBean(OscoreCounters.class);
			assertThat(stackOf(context.getBean(CoapServer.class))).isNotInstanceOf(OSCoreUdpStack.class);
		});
	}

	@Test
	void withoutCfOscoreOnlyTheRequirementIsDefined() {
		this.enabled.withClassLoader(new FilteredClassLoader(OSCoreCtxDB.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(OscoreRequiredInterceptor.class)
				.doesNotHaveBean(OscoreCounters.class));
	}

	@Test
	void enabledGivesTheServerAndTheClientTheOscoreStack() {
		this.enabled.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(HashMapCtxDB.class).hasSingleBean(OscoreCounters.class);
			OSCoreCtxDB db = context.getBean(OSCoreCtxDB.class);
			assertThat(db.getContext(new byte[] { 0x02 }, null).getSenderId()).containsExactly(0x01);
			assertThat(context).hasSingleBean(OscoreFailureLimiter.class);
			BaseCoapStack serverStack = (BaseCoapStack) stackOf(context.getBean(CoapServer.class));
			assertThat(serverStack.getLayer(ObjectSecurityLayer.class)).isNotNull();
			assertThat(serverStack.getLayer(ObjectSecurityContextLayer.class)).isNotNull();
			CoapClientEndpoints endpoints = context.getBean(CoapClientEndpoints.class);
			assertThat(endpoints.getRequestInitializer()).isNotNull();
			CoapEndpoint client = (CoapEndpoint) endpoints.getEndpoint(java.net.InetAddress.getLoopbackAddress(), 0);
			assertThat(ReflectionTestUtils.getField(client, "coapstack")).isInstanceOf(OSCoreUdpStack.class);
		});
	}

	@Test
	void disabledFailureLimitGivesTheServerCfOscoresStack() {
		this.enabled.withPropertyValues("coap.oscore.failure-limit.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(OscoreFailureLimiter.class);
			assertThat(stackOf(context.getBean(CoapServer.class))).isInstanceOf(OSCoreUdpStack.class);
		});
	}

	@Test
	void userContextDatabaseWins() {
		HashMapCtxDB own = new HashMapCtxDB();
		this.enabled.withBean("myContexts", OSCoreCtxDB.class, () -> own).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(OSCoreCtxDB.class)).isSameAs(own);
			assertThat(own.getContext(new byte[] { 0x02 }, null)).isNull();
		});
	}

	@Test
	void metricsAreBoundWithAMeterRegistry() {
		this.enabled.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(OscoreMetrics.class);
			SimpleMeterRegistry registry = context.getBean(SimpleMeterRegistry.class);
			context.getBean(OscoreMetrics.class).bindTo(registry);
			assertThat(registry.get("coap.oscore.requests.rejected").tag("reason", "replay").functionCounter().count())
				.isZero();
			assertThat(registry.get("coap.oscore.requests.received").functionCounter()).isNotNull();
			assertThat(registry.get("coap.oscore.requests.rejected").tag("reason", "throttled").functionCounter())
				.isNotNull();
		});
	}

	@Test
	void sequenceDirectoryMakesPersistentContexts(@TempDir Path directory) {
		this.enabled.withPropertyValues("coap.oscore.sequence.directory=" + directory, "coap.oscore.sequence.reserve=50")
			.run((context) -> {
				assertThat(context.getBean(OSCoreCtxDB.class).getContext(new byte[] { 0x02 }, null))
					.isInstanceOfSatisfying(PersistentSequenceContext.class,
							(ctx) -> assertThat(ctx.getReservedLimit()).isEqualTo(50));
				assertThat(directory.resolve("peer.sequence")).hasContent("50");
			});
	}

	@Test
	void eachBadPropertyFailsStartUpNamingIt() {
		failsNaming(CONTEXT + "master-secret=", CONTEXT + "master-secret");
		failsNaming(CONTEXT + "master-secret=xyz", CONTEXT + "master-secret");
		failsNaming(CONTEXT + "master-secret=base64:***", CONTEXT + "master-secret");
		failsNaming(CONTEXT + "master-salt=0g", CONTEXT + "master-salt");
		failsNaming(CONTEXT + "sender-id=abc", CONTEXT + "sender-id");
		failsNaming(CONTEXT + "recipient-id=0102030405060708", CONTEXT + "recipient-id");
		failsNaming(CONTEXT + "id-context=zz", CONTEXT + "id-context");
		failsNaming(CONTEXT + "aead-algorithm=AES_KW_128", CONTEXT + "aead-algorithm");
		failsNaming(CONTEXT + "hkdf-algorithm=SHA1", CONTEXT + "hkdf-algorithm");
		failsNaming(CONTEXT + "replay-window=33", CONTEXT + "replay-window");
		failsNaming(CONTEXT + "peer-uri=http://example.com", CONTEXT + "peer-uri");
		failsNaming("coap.oscore.sequence.reserve=0", "coap.oscore.sequence.reserve");
		failsNaming("coap.oscore.failure-limit.max-failures=0", "coap.oscore.failure-limit.max-failures");
		failsNaming("coap.oscore.failure-limit.window=0s", "coap.oscore.failure-limit.window");
		failsNaming("coap.oscore.failure-limit.max-tracked-sources=0",
				"coap.oscore.failure-limit.max-tracked-sources");
		failsNaming("coap.oscore.contexts.twin.master-secret=01", "coap.oscore.contexts.twin.sender-id");
		failsNaming(new String[] { "coap.oscore.contexts.twin.master-secret=01", "coap.oscore.contexts.twin.sender-id=03",
				"coap.oscore.contexts.twin.recipient-id=02" }, "recipient-id");
	}

	private void failsNaming(String property, String name) {
		failsNaming(new String[] { property }, name);
	}

	private void failsNaming(String[] properties, String name) {
		// the contexts are read when the context database is created: no server is needed to fail
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class, CoapOscoreAutoConfiguration.class))
			.withPropertyValues("coap.oscore.enabled=true", CONTEXT + "master-secret=0102030405060708090a0b0c0d0e0f10",
					CONTEXT + "sender-id=01", CONTEXT + "recipient-id=02")
			.withPropertyValues(properties)
			.run((context) -> {
				assertThat(context).as(String.join(",", properties)).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(name);
			});
	}

	private static Object stackOf(CoapServer server) {
		return ReflectionTestUtils.getField(server.getEndpoints().get(0), "coapstack");
	}

}
