package io.coapspring.server.observe;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.server.observe.ObserveClient.Observation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Conditional attributes on observe registrations, end to end: each observer's query filters and paces its own
 * notifications.
 */
@ObserveIntegrationTest
class ConditionalNotificationsEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@LocalCoapPort
	int port;

	@Autowired
	CoapNotifier notifier;

	@Autowired
	ObservedController controller;

	ObserveClient client;

	@BeforeEach
	void createClient() {
		this.client = new ObserveClient(this.port);
		this.controller.level.set(0);
		this.controller.door.set(false);
		this.controller.temperatures.clear();
	}

	@AfterEach
	void closeClient() {
		// the tests deregister their observers; let the deregistrations arrive before the client goes
		await().atMost(WAIT).until(() -> this.notifier.getObserverCount("/level") == 0
				&& this.notifier.getObserverCount("/door") == 0 && this.notifier.getObserverCount("/temps/9") == 0);
		this.client.close();
	}

	/**
	 * Change the level and wait until every observer of it evaluated the change.
	 */
	private void level(int value, int observers) {
		int reads = this.controller.levelReads.get();
		this.controller.level.set(value);
		this.notifier.changed("/level");
		await().atMost(WAIT).until(() -> this.controller.levelReads.get() >= reads + observers);
	}

	@Test
	void greaterThanNotifiesCrossingsOnlyAndEachObserverHasItsOwnThreshold() {
		Observation above10 = this.client.observe("/level?gt=10");
		Observation above20 = this.client.observe("/level?c.gt=20");
		Observation every = this.client.observe("/level");
		for (int value : new int[] { 5, 12, 15, 25, 8 }) {
			level(value, 3);
			// the observer without attributes gets every change; waiting for it keeps the changes apart
			every.awaitText(String.valueOf(value));
		}
		above10.awaitText("8");
		above20.awaitText("8");
		assertThat(above10.texts()).containsExactly("0", "12", "8");
		assertThat(above20.texts()).containsExactly("0", "25", "8");
		assertThat(every.texts()).containsExactly("0", "5", "12", "15", "25", "8");
		cancel(above10, above20, every);
	}

	@Test
	void lessThanNotifiesCrossingsOnly() {
		this.controller.level.set(10);
		Observation below = this.client.observe("/level?lt=0");
		level(5, 1);
		level(-1, 1);
		below.awaitText("-1");
		level(-7, 1);
		level(3, 1);
		below.awaitText("3");
		assertThat(below.texts()).containsExactly("10", "-1", "3");
		cancel(below);
	}

	@Test
	void bandNotifiesEveryChangeInsideTheBandOfAnAnnotatedMember() {
		Request request = this.client.get("/temps/9?gt=20&lt=30&band");
		request.getOptions().setAccept(MediaTypeRegistry.APPLICATION_JSON);
		this.controller.temperatures.put("9", 10.0);
		Observation band = this.client.observe(request);
		for (double celsius : new double[] { 15, 21, 29, 35, 19, 20 }) {
			int reads = this.controller.invocations.get();
			this.controller.temperatures.put("9", celsius);
			this.notifier.changed("/temps/9");
			await().atMost(WAIT).until(() -> this.controller.invocations.get() > reads);
		}
		band.awaitText("{\"id\":\"9\",\"celsius\":20.0}");
		assertThat(band.texts()).containsExactly("{\"id\":\"9\",\"celsius\":10.0}", "{\"id\":\"9\",\"celsius\":21.0}",
				"{\"id\":\"9\",\"celsius\":29.0}", "{\"id\":\"9\",\"celsius\":20.0}");
		cancel(band);
	}

	@Test
	void stepNotifiesChangesOfAtLeastTheStep() {
		Observation step = this.client.observe("/level?st=5");
		level(3, 1);
		level(5, 1);
		step.awaitText("5");
		level(9, 1);
		level(-1, 1);
		step.awaitText("-1");
		assertThat(step.texts()).containsExactly("0", "5", "-1");
		cancel(step);
	}

	@Test
	void edgeNotifiesTheWatchedTransitionOfABoolean() {
		Observation rising = this.client.observe("/door?edge=1");
		for (boolean open : new boolean[] { true, false, true }) {
			int reads = this.controller.doorReads.get();
			this.controller.door.set(open);
			this.notifier.changed("/door");
			await().atMost(WAIT).until(() -> this.controller.doorReads.get() > reads);
		}
		rising.awaitCount(3);
		assertThat(rising.texts()).containsExactly("false", "true", "true");
		cancel(rising);
	}

	@Test
	void minimumPeriodHoldsBackAndSendsTheLatestValueOnceItPassed() {
		Observation paced = this.client.observe("/level?pmin=1");
		long registered = paced.arrivals.get(0);
		level(1, 1);
		level(2, 1);
		paced.awaitText("2");
		assertThat(paced.texts()).containsExactly("0", "2");
		assertThat(paced.arrivals.get(1) - registered).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(950));
		cancel(paced);
	}

	@Test
	void maximumPeriodSendsTheCurrentValueWhenNothingWasSentForThatLong() {
		Observation periodic = this.client.observe("/level?pmax=0.3&gt=1000");
		this.controller.level.set(7);
		// no change signalled, no threshold crossed: pmax alone brings the current value
		periodic.awaitText("7");
		periodic.awaitCount(3);
		assertThat(periodic.arrivals.get(1) - periodic.arrivals.get(0))
			.isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
		cancel(periodic);
	}

	@Test
	void maximumEvaluationPeriodSamplesTheResourceWithoutAChangeBeingSignalled() {
		Observation evaluated = this.client.observe("/level?epmax=0.2&st=5");
		int reads = this.controller.levelReads.get();
		await().atMost(WAIT).until(() -> this.controller.levelReads.get() >= reads + 2);
		assertThat(evaluated.responses).hasSize(1);
		this.controller.level.set(50);
		evaluated.awaitText("50");
		cancel(evaluated);
	}

	@Test
	void minimumEvaluationPeriodCoalescesChanges() {
		Observation coalesced = this.client.observe("/level?epmin=0.5");
		int reads = this.controller.levelReads.get();
		for (int i = 1; i <= 5; i++) {
			this.controller.level.set(i);
			this.notifier.changed("/level");
		}
		coalesced.awaitText("5");
		// the five changes within epmin were evaluated at most twice
		assertThat(this.controller.levelReads.get() - reads).isLessThanOrEqualTo(2);
		cancel(coalesced);
	}

	@Test
	void confirmableAttributeMakesEveryNotificationConfirmable() {
		Observation confirmable = this.client.observe("/level?con=1");
		level(1, 1);
		level(2, 1);
		confirmable.awaitText("2");
		assertThat(confirmable.responses.subList(1, 3)).extracting(Response::getType).containsOnly(Type.CON);
		cancel(confirmable);
	}

	@Test
	void invalidAttributesAreRejectedWithADiagnostic() {
		assertBadRequest("/level?gt=abc", "Conditional attribute 'gt' must be a decimal number, not 'abc'");
		assertBadRequest("/level?pmin=5&pmax=1", "Conditional attribute 'pmax' (1 s) must not be less than 'pmin'");
		assertBadRequest("/level?band", "Conditional attribute 'band' needs 'gt', 'lt' or both");
		assertBadRequest("/fragile?gt=1", "Conditional attributes gt, lt, st and band compare numbers, but GET"
				+ " /fragile returned String");
		assertBadRequest("/level?edge=1&lt=x", "Conditional attribute 'lt' must be a decimal number");
		assertThat(this.notifier.getObserverCount("/level")).isZero();
		assertThat(this.notifier.getObserverCount("/fragile")).isZero();
	}

	private void assertBadRequest(String pathAndQuery, String diagnostic) {
		Request request = this.client.get(pathAndQuery);
		request.setObserve();
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(response.getOptions().hasObserve()).isFalse();
		assertThat(response.getResponseText()).contains(diagnostic);
	}

	private static void cancel(Observation... observations) {
		for (Observation observation : observations) {
			observation.relation.proactiveCancel();
		}
	}

}
