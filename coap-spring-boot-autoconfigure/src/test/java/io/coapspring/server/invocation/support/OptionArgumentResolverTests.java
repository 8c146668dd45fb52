package io.coapspring.server.invocation.support;

import java.util.List;
import java.util.Optional;

import io.coapspring.annotation.CoapOption;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.invocation.CoapRequestBindingException;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.coap.option.StringOptionDefinition;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.MethodParameter;

import static io.coapspring.server.invocation.support.Requests.parameter;
import static io.coapspring.server.invocation.support.Requests.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link OptionArgumentResolver}.
 */
class OptionArgumentResolverTests {

	private static final StringOptionDefinition TENANT = new StringOptionDefinition(65002, "Tenant");

	private final OptionRegistry registry = CoapOptionRegistries.withCustomOptions(List.of(TENANT));

	private final OptionArgumentResolver resolver = new OptionArgumentResolver(
			ApplicationConversionService.getSharedInstance(), (value) -> value, this.registry);

	private CoapRequest request() {
		Request request = Request.newGet();
		request.getOptions()
			.setAccept(50)
			.addETag(new byte[] { 1 })
			.addETag(new byte[] { 2 })
			.setIfNoneMatch(true)
			.addOption(TENANT.create("acme"));
		return view(request);
	}

	@Test
	void integerOptionByNameIgnoringCase() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "handle", 0), request())).isEqualTo(50);
	}

	@Test
	void repeatableOptionBindsToAList() throws Exception {
		Object etags = this.resolver.resolveArgument(parameter(Handlers.class, "handle", 1), request());
		assertThat(etags).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly(new byte[] { 1 }, new byte[] { 2 });
	}

	@Test
	void emptyOptionBindsToABooleanThatTellsWhetherItIsPresent() throws Exception {
		MethodParameter ifNoneMatch = parameter(Handlers.class, "handle", 2);
		assertThat(this.resolver.resolveArgument(ifNoneMatch, request())).isEqualTo(true);
		assertThat(this.resolver.resolveArgument(ifNoneMatch, view(Request.newGet()))).isEqualTo(false);
	}

	@Test
	void customOptionByNumberAndByName() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "handle", 3), request()))
			.isEqualTo("acme");
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "handle", 4), request()))
			.isEqualTo(Optional.of("acme"));
	}

	@Test
	void defaultValueWhenAbsent() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "handle", 5), request())).isEqualTo(60L);
	}

	@Test
	void missingRequiredOptionIsABindingError() {
		MethodParameter accept = parameter(Handlers.class, "handle", 0);
		assertThatExceptionOfType(CoapRequestBindingException.class)
			.isThrownBy(() -> this.resolver.resolveArgument(accept, view(Request.newGet())))
			.withMessage("Missing option 'Accept'");
	}

	@Test
	void unknownOptionNameFailsWhenTheParameterIsChecked() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.resolver.supportsParameter(parameter(Handlers.class, "unknown", 0)))
			.withMessageContaining("Unknown CoAP option 'No-Such-Option'");
	}

	static class Handlers {

		void handle(@CoapOption("accept") int accept, @CoapOption("ETag") List<byte[]> etags,
				@CoapOption("If-None-Match") boolean ifNoneMatch, @CoapOption(number = 65002) String tenant,
				@CoapOption("tenant") Optional<String> tenantByName,
				@CoapOption(name = "Max-Age", defaultValue = "60") long maxAge) {
		}

		void unknown(@CoapOption("No-Such-Option") String value) {
		}

	}

}
