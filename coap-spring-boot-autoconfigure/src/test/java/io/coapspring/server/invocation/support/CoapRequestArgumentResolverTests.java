package io.coapspring.server.invocation.support;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Optional;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.server.invocation.CoapAuthenticationRequiredException;
import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;

import static io.coapspring.server.invocation.support.Requests.parameter;
import static io.coapspring.server.invocation.support.Requests.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CoapRequestArgumentResolver}.
 */
class CoapRequestArgumentResolverTests {

	private final CoapRequestArgumentResolver resolver = new CoapRequestArgumentResolver();

	private final CoapRequest request = view(Request.newPut());

	@Test
	void resolvesTheRequestAndWhatItCarries() {
		assertThat(resolve(0)).isSameAs(this.request);
		assertThat(resolve(1)).isEqualTo(new InetSocketAddress("127.0.0.1", 5683));
		assertThat(resolve(2)).isEqualTo(CoapMethod.PUT);
		assertThat(resolve(3)).isSameAs(this.request.getOptions());
		assertThat(resolve(4)).isSameAs(this.request.unwrap());
	}

	@Test
	void optionalIdentityOfAnAnonymousPeerIsEmpty() {
		assertThat(resolve(6)).isEqualTo(Optional.empty());
	}

	@Test
	void requiredIdentityOfAnAnonymousPeerIsRefused() {
		MethodParameter principal = parameter(Handlers.class, "handle", 5);
		assertThat(this.resolver.supportsParameter(principal)).isTrue();
		assertThatExceptionOfType(CoapAuthenticationRequiredException.class)
			.isThrownBy(() -> this.resolver.resolveArgument(principal, this.request));
	}

	@Test
	void otherTypesAreNotSupported() {
		assertThat(this.resolver.supportsParameter(parameter(Handlers.class, "handle", 7))).isFalse();
	}

	private Object resolve(int index) {
		MethodParameter parameter = parameter(Handlers.class, "handle", index);
		assertThat(this.resolver.supportsParameter(parameter)).isTrue();
		return this.resolver.resolveArgument(parameter, this.request);
	}

	static class Handlers {

		void handle(CoapRequest request, InetSocketAddress peer, CoapMethod method, OptionSet options,
				Request raw, Principal principal, Optional<Principal> maybe, String other) {
		}

	}

}
