package io.coapspring.convert;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.OptionNumberRegistry;
import org.eclipse.californium.core.coap.OptionSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapResponseEntity}.
 */
class CoapResponseEntityOptionsTests {

	@Test
	void okCarriesTheBodyWithTheDefaultCode() {
		CoapResponseEntity<String> entity = CoapResponseEntity.ok("21.5");
		assertThat(entity.getCode()).isNull();
		assertThat(entity.getBody()).isEqualTo("21.5");
		assertThat(entity.hasBody()).isTrue();
		assertThat(entity.isSuccess()).isTrue();
		assertThat(entity.getContentFormat()).isNull();
		assertThat(entity.getMaxAge()).isNull();
	}

	@Test
	void createdWithLocation() {
		CoapResponseEntity<Void> entity = CoapResponseEntity.created().locationPath("/sensors/7")
			.locationQuery("v=1")
			.build();
		assertThat(entity.getCode()).isEqualTo(ResponseCode.CREATED);
		assertThat(entity.getLocationPath()).isEqualTo("sensors/7");
		assertThat(entity.getLocationQuery()).isEqualTo("v=1");
		assertThat(entity.hasBody()).isFalse();
	}

	@Test
	void statusWithOptions() {
		CoapResponseEntity<byte[]> entity = CoapResponseEntity.status(ResponseCode.CHANGED)
			.contentFormat(MediaTypeRegistry.APPLICATION_CBOR)
			.maxAge(30)
			.etag(new byte[] { 7 })
			.options((options) -> options.setSize2(3))
			.body(new byte[] { 1, 2, 3 });
		assertThat(entity.getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_CBOR);
		assertThat(entity.getMaxAge()).isEqualTo(30);
		assertThat(entity.getETag()).containsExactly(7);
		assertThat(entity.getOptions().getSize2()).isEqualTo(3);
		assertThat(entity.getOption(OptionNumberRegistry.SIZE2)).isNotNull();
		assertThat(entity).isEqualTo(CoapResponseEntity.changed()
			.contentFormat(MediaTypeRegistry.APPLICATION_CBOR)
			.maxAge(30)
			.etag(new byte[] { 7 })
			.options((options) -> options.setSize2(3))
			.body(new byte[] { 1, 2, 3 }));
		assertThat(entity.toString()).contains("2.04", "3 bytes");
	}

	@Test
	void optionsAreCopiedInAndOut() {
		OptionSet options = new OptionSet().setMaxAge(5);
		CoapResponseEntity<Void> entity = new CoapResponseEntity<>(ResponseCode.VALID, options, null);
		options.setMaxAge(6);
		entity.getOptions().setMaxAge(7);
		assertThat(entity.getMaxAge()).isEqualTo(5);
	}

	@Test
	void errorBuilders() {
		assertThat(CoapResponseEntity.notFound().build().isSuccess()).isFalse();
		assertThat(CoapResponseEntity.badRequest().build().getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(CoapResponseEntity.deleted().build().getCode()).isEqualTo(ResponseCode.DELETED);
		assertThat(CoapResponseEntity.valid().build().getCode()).isEqualTo(ResponseCode.VALID);
		assertThat(CoapResponseEntity.content().body("x").getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(CoapResponseEntity.ok().body("x").getCode()).isNull();
	}

}
