package io.coapspring.server.mapping;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.server.handler.CoapHandlerSelector;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link CoapHandlerMappingRegistry} and {@link CoapHandlerSelector}.
 */
class CoapHandlerMappingRegistryTests {

	private final CoapHandlerMappingRegistry registry = new CoapHandlerMappingRegistry();

	@Test
	void samePatternShapeAndMethodIsAmbiguous() {
		this.registry.register(mapping("/a/{x}", "first", Set.of(CoapMethod.GET), List.of(), List.of()));
		assertThatIllegalStateException()
			.isThrownBy(() -> this.registry
				.register(mapping("/a/{y}", "second", Set.of(CoapMethod.GET, CoapMethod.PUT), List.of(), List.of())))
			.withMessage("Ambiguous CoAP mapping: 'GET,PUT /a/{y}' of Handlers#second() and 'GET /a/{x}' of"
					+ " Handlers#first() would handle the same requests. Give them distinct paths, methods, consumes"
					+ " or produces.");
	}

	@Test
	void differentMethodsOrDisjointFormatsAreNotAmbiguous() {
		this.registry.register(mapping("/a", "first", Set.of(CoapMethod.GET), List.of(), List.of(50)));
		assertThatNoException().isThrownBy(() -> {
			this.registry.register(mapping("/a", "second", Set.of(CoapMethod.PUT), List.of(), List.of()));
			this.registry.register(mapping("/a", "third", Set.of(CoapMethod.GET), List.of(), List.of(60)));
			this.registry.register(mapping("/a", "fourth", Set.of(CoapMethod.POST), List.of(50), List.of()));
			this.registry.register(mapping("/a", "first", Set.of(CoapMethod.POST), List.of(60), List.of()));
			this.registry.register(mapping("/a/{x:\\d+}", "second", Set.of(CoapMethod.GET), List.of(), List.of()));
			this.registry.register(mapping("/a/{x}", "third", Set.of(CoapMethod.GET), List.of(), List.of()));
		});
	}

	@Test
	void overlappingFormatsAreAmbiguous() {
		this.registry.register(mapping("/a", "first", Set.of(CoapMethod.POST), List.of(50, 60), List.of()));
		assertThatIllegalStateException().isThrownBy(
				() -> this.registry.register(mapping("/a", "second", Set.of(CoapMethod.POST), List.of(60), List.of())));
		assertThatIllegalStateException().isThrownBy(
				() -> this.registry.register(mapping("/a", "second", Set.of(CoapMethod.POST), List.of(), List.of())));
	}

	@Test
	void matchReturnsEveryMatchingPatternMostSpecificFirst() {
		this.registry.register(mapping("/{*all}", "first", Set.of(CoapMethod.GET), List.of(), List.of()));
		this.registry.register(mapping("/a/{x}", "second", Set.of(CoapMethod.GET), List.of(), List.of()));
		this.registry.register(mapping("/a/b", "third", Set.of(CoapMethod.PUT), List.of(), List.of()));
		List<CoapPathMatch> matches = this.registry.match(List.of("a", "b"));
		assertThat(matches).extracting((match) -> match.pattern().getPattern())
			.containsExactly("/a/b", "/a/{x}", "/{*all}");
		assertThat(matches.get(1).variables()).containsEntry("x", "b");
		assertThat(this.registry.match(List.of("z"))).hasSize(1);
		assertThat(new CoapHandlerMappingRegistry().match(List.of("z"))).isEmpty();
	}

	@Test
	void selectorPicksTheMostSpecificPatternThatHasTheMethod() {
		this.registry.register(mapping("/a/{x}", "first", Set.of(CoapMethod.GET), List.of(), List.of()));
		this.registry.register(mapping("/a/b", "second", Set.of(CoapMethod.PUT), List.of(), List.of()));
		CoapHandlerSelector selector = new CoapHandlerSelector(this.registry, new CoapContentFormats());
		List<CoapPathMatch> matches = this.registry.match(List.of("a", "b"));
		assertThat(selector.select(matches, CoapMethod.GET, -1, false, -1).mapping().handlerMethod().getMethod()
			.getName()).isEqualTo("first");
		assertThat(selector.select(matches, CoapMethod.PUT, -1, false, -1).mapping().handlerMethod().getMethod()
			.getName()).isEqualTo("second");
		CoapHandlerSelector.Selection rejected = selector.select(matches, CoapMethod.DELETE, -1, false, -1);
		assertThat(rejected.rejection()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
		assertThat(rejected.diagnostic()).isEqualTo("Method DELETE not allowed; allowed: GET, PUT");
	}

	@Test
	void selectorRejectsUnsupportedContentFormatAndUnacceptableAccept() {
		this.registry.register(mapping("/a", "first", Set.of(CoapMethod.POST), List.of(50), List.of(60)));
		CoapHandlerSelector selector = new CoapHandlerSelector(this.registry, new CoapContentFormats());
		List<CoapPathMatch> matches = this.registry.match(List.of("a"));
		assertThat(selector.select(matches, CoapMethod.POST, 50, true, 60).mapping()).isNotNull();
		assertThat(selector.select(matches, CoapMethod.POST, -1, false, -1).mapping()).isNotNull();
		assertThat(selector.select(matches, CoapMethod.POST, 41, true, -1).rejection())
			.isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
		assertThat(selector.select(matches, CoapMethod.POST, -1, true, -1).rejection())
			.isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
		assertThat(selector.select(matches, CoapMethod.POST, 50, true, 50).rejection())
			.isEqualTo(ResponseCode.NOT_ACCEPTABLE);
	}

	@Test
	void switchedOffMethodIsNotAllowedUntilSwitchedOnAgain() {
		this.registry.register(mapping("/a/{x}", "first", Set.of(CoapMethod.GET, CoapMethod.PUT), List.of(), List.of()));
		CoapHandlerSelector selector = new CoapHandlerSelector(this.registry, new CoapContentFormats());
		List<CoapPathMatch> matches = this.registry.match(List.of("a", "b"));
		this.registry.setEnabled("a/{x}/", CoapMethod.PUT, false);
		CoapHandlerSelector.Selection rejected = selector.select(matches, CoapMethod.PUT, -1, false, -1);
		assertThat(rejected.rejection()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
		assertThat(rejected.diagnostic()).isEqualTo("Method PUT not allowed; allowed: GET");
		assertThat(selector.select(matches, CoapMethod.GET, -1, false, -1).mapping()).isNotNull();
		this.registry.setEnabled("/a/{x}", CoapMethod.PUT, true);
		assertThat(selector.select(matches, CoapMethod.PUT, -1, false, -1).mapping()).isNotNull();
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.setEnabled("/a/{x}", CoapMethod.DELETE, false))
			.withMessage("No CoAP mapping handles DELETE /a/{x}");
	}

	@Test
	void withoutAcceptTheLowestDefaultFormatWins() {
		this.registry.register(mapping("/a", "first", Set.of(CoapMethod.GET), List.of(), List.of(60)));
		this.registry.register(mapping("/a", "second", Set.of(CoapMethod.GET), List.of(), List.of(50)));
		CoapHandlerSelector selector = new CoapHandlerSelector(this.registry, new CoapContentFormats());
		List<CoapPathMatch> matches = this.registry.match(List.of("a"));
		assertThat(selector.select(matches, CoapMethod.GET, -1, false, -1).mapping().handlerMethod().getMethod()
			.getName()).isEqualTo("second");
		assertThat(selector.select(matches, CoapMethod.GET, -1, false, 60).mapping().handlerMethod().getMethod()
			.getName()).isEqualTo("first");
	}

	private static CoapHandlerMapping mapping(String pattern, String method, Set<CoapMethod> methods,
			List<Integer> consumes, List<Integer> produces) {
		CoapPathPattern parsed = CoapPathPattern.parse(pattern);
		CoapMappingInfo info = new CoapMappingInfo(List.of(parsed), methods, consumes, produces, false, true, false,
				List.of(), List.of(), null, -1, false, -1);
		Method handler = ReflectionUtils.findMethod(Handlers.class, method);
		return new CoapHandlerMapping(parsed, info, new CoapHandlerMethod(new Handlers(), handler));
	}

	static class Handlers {

		void first() {
		}

		void second() {
		}

		void third() {
		}

		void fourth() {
		}

	}

}
