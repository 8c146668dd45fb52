package io.coapspring.server.observe;

import java.math.BigDecimal;

import io.coapspring.annotation.CoapObservableValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding the scalar value of a body.
 */
class ObservedValuesTests {

	private final ObservedValues values = new ObservedValues();

	@Test
	void numbersBooleansAndTextAreTheirOwnValue() {
		assertThat(this.values.of(21)).isEqualTo(ObservedValue.of(21));
		assertThat(this.values.of(new BigDecimal("21.5"))).isEqualTo(ObservedValue.of(21.5));
		assertThat(this.values.of(true)).isEqualTo(ObservedValue.of(true));
		assertThat(this.values.of(" -3.25 ")).isEqualTo(ObservedValue.of(-3.25));
		assertThat(this.values.of("false")).isEqualTo(ObservedValue.of(false));
		assertThat(this.values.of("21 C")).isEqualTo(ObservedValue.NONE);
		assertThat(this.values.of(null)).isEqualTo(ObservedValue.NONE);
		assertThat(this.values.of(new byte[] { 1 })).isEqualTo(ObservedValue.NONE);
	}

	@Test
	void annotatedMembersGiveTheValueOfOtherObjects() {
		assertThat(this.values.of(new Thermometer("7", 21.5))).isEqualTo(ObservedValue.of(21.5));
		assertThat(this.values.of(new Door())).isEqualTo(ObservedValue.of(true));
		assertThat(this.values.of(new Gauge())).isEqualTo(ObservedValue.of(3));
		assertThat(this.values.of(new Object())).isEqualTo(ObservedValue.NONE);
		assertThat(this.values.hasValue(Thermometer.class)).isTrue();
		assertThat(this.values.hasValue(Object.class)).isFalse();
		assertThat(this.values.hasValue(double.class)).isTrue();
	}

	static class Door {

		@CoapObservableValue
		private final boolean open = true;

	}

	static class Base {

		@CoapObservableValue
		String reading() {
			return "3";
		}

	}

	static class Gauge extends Base {

	}

}
