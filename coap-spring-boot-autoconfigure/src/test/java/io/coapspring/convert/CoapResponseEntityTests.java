package io.coapspring.convert;

import java.util.Optional;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CoapResponseEntity}.
 */
class CoapResponseEntityTests {

	@Test
	void createdSplitsTheLocationIntoPathAndQuery() {
		CoapResponseEntity<Object> entity = CoapResponseEntity.created("/sensors/7?unit=c&x").build();
		assertThat(entity.getCode()).isEqualTo(ResponseCode.CREATED);
		assertThat(entity.getLocationPath()).isEqualTo("sensors/7");
		assertThat(entity.getLocationQuery()).isEqualTo("unit=c&x");
		assertThat(entity.getOptions().getLocationPath()).containsExactly("sensors", "7");
		assertThat(entity.getOptions().getLocationQuery()).containsExactly("unit=c", "x");
	}

	@Test
	void createdWithAQueryOnly() {
		CoapResponseEntity<Object> entity = CoapResponseEntity.created("?first=1&second=2").build();
		assertThat(entity.getLocationPath()).isEmpty();
		assertThat(entity.getOptions().getLocationQuery()).containsExactly("first=1", "second=2");
		assertThat(CoapResponseEntity.created("/").build().getLocationPath()).isEmpty();
	}

	@Test
	void locationPathAndQueryAddTheirParts() {
		CoapResponseEntity<Object> entity = CoapResponseEntity.created()
			.locationPath("a")
			.locationPath("b/c")
			.locationQuery("x=1")
			.locationQuery("y=2&z")
			.build();
		assertThat(entity.getOptions().getLocationPath()).containsExactly("a", "b", "c");
		assertThat(entity.getOptions().getLocationQuery()).containsExactly("x=1", "y=2", "z");
	}

	@Test
	void okLeavesTheCodeToTheRequestMethod() {
		assertThat(CoapResponseEntity.ok("x").getCode()).isNull();
		assertThat(CoapResponseEntity.ok("x").getBody()).isEqualTo("x");
	}

	@Test
	void okWithABodyHasNoOptionsAndEqualsTheBuiltOne() {
		CoapResponseEntity<String> plain = CoapResponseEntity.ok("hi");
		CoapResponseEntity<String> built = CoapResponseEntity.ok().body("hi");
		assertThat(plain.hasOptions()).isFalse();
		assertThat(plain.getOptions().asSortedList()).isEmpty();
		assertThat(plain.getETag()).isNull();
		assertThat(plain.getMaxAge()).isNull();
		assertThat(plain.getContentFormat()).isNull();
		assertThat(plain.getObserve()).isNull();
		assertThat(plain.getLocationPath()).isEmpty();
		assertThat(plain.getOption(12)).isNull();
		assertThat(plain).isEqualTo(built).hasSameHashCodeAs(built).hasToString("<default code, hi>");
		assertThat(CoapResponseEntity.ok().maxAge(5).body("hi").hasOptions()).isTrue();
	}

	@Test
	void ofOptional() {
		assertThat(CoapResponseEntity.of(Optional.of(1)).getBody()).isEqualTo(1);
		assertThat(CoapResponseEntity.of(Optional.empty()).getCode()).isEqualTo(ResponseCode.NOT_FOUND);
	}

	@Test
	void optionsAreEncoded() {
		CoapResponseEntity<Object> entity = CoapResponseEntity.status(ResponseCode.CONTENT)
			.option(2048, 300)
			.option(2048, "x")
			.build();
		assertThat(entity.getOptions().getOthers()).extracting(Option::getNumber).containsExactly(2048, 2048);
		assertThat(entity.getOptions().getOthers()).extracting(Option::getValue)
			.containsExactly(new byte[] { 1, 44 }, new byte[] { 'x' });
	}

	@Test
	void invalidValuesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> CoapResponseEntity.ok().etag(new byte[9]));
		assertThatIllegalArgumentException().isThrownBy(() -> CoapResponseEntity.ok().maxAge(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> CoapResponseEntity.ok().contentFormat(70000));
	}

}
