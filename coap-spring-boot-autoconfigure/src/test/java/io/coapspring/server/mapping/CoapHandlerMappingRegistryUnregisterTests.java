package io.coapspring.server.mapping;

import java.util.List;
import java.util.Set;

import io.coapspring.annotation.CoapMethod;
import org.junit.jupiter.api.Test;

import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CoapHandlerMappingRegistry#unregister(CoapHandlerMapping)}.
 */
class CoapHandlerMappingRegistryUnregisterTests {

	private final CoapHandlerMappingRegistry registry = new CoapHandlerMappingRegistry();

	@Test
	void unregisteringRemovesTheMappingFromMatchesAndChangesTheRevision() {
		CoapHandlerMapping get = mapping("/a/{x}", CoapMethod.GET, "first");
		CoapHandlerMapping put = mapping("/a/{x}", CoapMethod.PUT, "second");
		this.registry.register(get);
		this.registry.register(put);
		int revision = this.registry.getRevision();
		this.registry.unregister(get);
		assertThat(this.registry.getRevision()).isNotEqualTo(revision);
		assertThat(this.registry.match(List.of("a", "1"))).singleElement()
			.satisfies((match) -> assertThat(match.mappings()).containsExactly(put));
		this.registry.unregister(put);
		assertThat(this.registry.match(List.of("a", "1"))).isEmpty();
		assertThat(this.registry.isEmpty()).isTrue();
	}

	@Test
	void unregisteringAnUnknownMappingIsAnError() {
		CoapHandlerMapping get = mapping("/a", CoapMethod.GET, "first");
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.unregister(get))
			.withMessageContaining("No CoAP mapping 'GET /a'");
		this.registry.register(get);
		this.registry.unregister(get);
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.unregister(get));
	}

	@Test
	void aPatternRegisteredAgainHasEveryMethodSwitchedOn() {
		CoapHandlerMapping get = mapping("/a", CoapMethod.GET, "first");
		this.registry.register(get);
		this.registry.setEnabled("/a", CoapMethod.GET, false);
		this.registry.unregister(get);
		this.registry.register(mapping("/a", CoapMethod.GET, "second"));
		assertThat(this.registry.isEnabled(CoapPathPattern.parse("/a"), CoapMethod.GET)).isTrue();
	}

	private static CoapHandlerMapping mapping(String pattern, CoapMethod method, String name) {
		CoapPathPattern parsed = CoapPathPattern.parse(pattern);
		CoapMappingInfo info = new CoapMappingInfo(List.of(parsed), Set.of(method), List.of(), List.of(), false, true,
				false, List.of(), List.of(), null, -1, false, -1);
		return new CoapHandlerMapping(parsed, info,
				new CoapHandlerMethod(new Handlers(), ReflectionUtils.findMethod(Handlers.class, name)));
	}

	static class Handlers {

		void first() {
		}

		void second() {
		}

	}

}
