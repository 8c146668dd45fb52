package io.coapspring.server.observe;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.coapspring.server.observe.NotificationConditions.Decision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification logic of the conditional attributes, on a clock the test controls.
 */
class NotificationConditionsTests {

	private long now = TimeUnit.SECONDS.toNanos(1000);

	private NotificationConditions conditions(String... query) {
		return new NotificationConditions(ConditionalAttributes.parse(List.of(query)));
	}

	private void advance(double seconds) {
		this.now += Math.round(seconds * 1000) * 1_000_000L;
	}

	/**
	 * Feed values one second apart and return those that would be notified.
	 */
	private List<Double> notified(NotificationConditions conditions, double... values) {
		java.util.ArrayList<Double> notified = new java.util.ArrayList<>();
		for (double value : values) {
			ObservedValue sample = ObservedValue.of(value);
			if (conditions.evaluate(sample, this.now, -1) == Decision.NOTIFY) {
				conditions.reported(sample, this.now);
				notified.add(value);
			}
			advance(1);
		}
		return notified;
	}

	@Test
	void withoutAttributesEverySampleIsNotified() {
		assertThat(notified(conditions(), 1, 1, 2, 2)).containsExactly(1.0, 1.0, 2.0, 2.0);
	}

	@Test
	void greaterThanNotifiesEachCrossingInEitherDirection() {
		assertThat(notified(conditions("gt=25"), 20, 24, 26, 30, 24, 20, 25.5))
			.containsExactly(20.0, 26.0, 24.0, 25.5);
	}

	@Test
	void lessThanNotifiesEachCrossingInEitherDirection() {
		assertThat(notified(conditions("lt=0"), 5, 1, -1, -5, 0, 3, -0.5)).containsExactly(5.0, -1.0, 0.0, -0.5);
	}

	@Test
	void gtAndLtWithoutBandNotifyCrossingsOfEither() {
		assertThat(notified(conditions("gt=30", "lt=10"), 20, 25, 31, 20, 9, 15))
			.containsExactly(20.0, 31.0, 20.0, 9.0, 15.0);
	}

	@Test
	void bandNotifiesEverySampleInsideTheBand() {
		assertThat(notified(conditions("gt=20", "lt=30", "band"), 10, 19, 20, 25, 30, 31, 25))
			.containsExactly(10.0, 20.0, 25.0, 30.0, 25.0);
	}

	@Test
	void reversedBandNotifiesEverySampleOutsideTheBand() {
		assertThat(notified(conditions("gt=30", "lt=20", "band"), 25, 19, 20, 25, 30, 31, 40))
			.containsExactly(25.0, 19.0, 31.0, 40.0);
	}

	@Test
	void bandWithOneBoundIsOpenOnTheOtherSide() {
		assertThat(notified(conditions("lt=100", "band"), 50, 100, 150, 99)).containsExactly(50.0, 100.0, 150.0);
		assertThat(notified(conditions("gt=0", "band"), 5, 0, -5, 1)).containsExactly(5.0, 0.0, -5.0);
	}

	@Test
	void bandWithStepNotifiesInsideTheBandOnlyAfterTheStep() {
		assertThat(notified(conditions("gt=0", "lt=100", "band", "st=10"), 50, 55, 61, 200, 70, 85))
			.containsExactly(50.0, 61.0, 85.0);
	}

	@Test
	void stepNotifiesChangesOfAtLeastTheStepFromTheLastNotifiedValue() {
		assertThat(notified(conditions("st=2"), 10, 11, 11.9, 12, 11, 10, 9.9)).containsExactly(10.0, 12.0, 10.0);
	}

	@Test
	void edgeNotifiesTheWatchedTransitionOfABoolean() {
		NotificationConditions rising = conditions("edge=1");
		List<Boolean> notified = new java.util.ArrayList<>();
		for (boolean value : new boolean[] { false, true, true, false, true }) {
			ObservedValue sample = ObservedValue.of(value);
			if (rising.evaluate(sample, this.now, -1) == Decision.NOTIFY) {
				rising.reported(sample, this.now);
				notified.add(value);
			}
		}
		assertThat(notified).containsExactly(false, true, true);
		assertThat(notified(conditions("edge=0"), 1, 0, 0, 5, 0)).containsExactly(1.0, 0.0, 0.0);
	}

	@Test
	void minimumPeriodHoldsNotificationsBack() {
		NotificationConditions conditions = conditions("pmin=5");
		ObservedValue first = ObservedValue.of(1);
		assertThat(conditions.evaluate(first, this.now, -1)).isEqualTo(Decision.NOTIFY);
		conditions.reported(first, this.now);
		advance(2);
		assertThat(conditions.evaluate(ObservedValue.of(2), this.now, -1)).isEqualTo(Decision.HOLD);
		assertThat(conditions.getHoldUntilNanos()).isEqualTo(conditions.getLastReportNanos()
				+ TimeUnit.SECONDS.toNanos(5));
		advance(3);
		assertThat(conditions.evaluate(ObservedValue.of(3), this.now, -1)).isEqualTo(Decision.NOTIFY);
	}

	@Test
	void minimumPeriodHoldsBackOnlySamplesThatMeetACondition() {
		NotificationConditions conditions = conditions("pmin=5", "gt=10");
		conditions.reported(ObservedValue.of(5), this.now);
		advance(1);
		assertThat(conditions.evaluate(ObservedValue.of(11), this.now, -1)).isEqualTo(Decision.HOLD);
		assertThat(conditions.evaluate(ObservedValue.of(9), this.now, -1)).isEqualTo(Decision.DROP);
	}

	@Test
	void maximumPeriodNotifiesWhateverTheValue() {
		NotificationConditions conditions = conditions("gt=100", "pmax=10");
		ObservedValue value = ObservedValue.of(1);
		conditions.reported(value, this.now);
		long pmax = conditions.getAttributes().getMaximumPeriod().toNanos();
		advance(9.9);
		assertThat(conditions.evaluate(value, this.now, pmax)).isEqualTo(Decision.DROP);
		advance(0.1);
		assertThat(conditions.evaluate(value, this.now, pmax)).isEqualTo(Decision.NOTIFY);
	}

	@Test
	void aValueOfAnotherKindIsAChange() {
		NotificationConditions conditions = conditions("gt=10");
		conditions.reported(ObservedValue.of(5), this.now);
		assertThat(conditions.evaluate(ObservedValue.NONE, this.now, -1)).isEqualTo(Decision.NOTIFY);
	}

}
