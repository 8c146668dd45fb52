package io.coapspring.sample.dashboard;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bounds of what the dashboard keeps, their gauges, and a bad bound that stops the start-up.
 */
class ReadingHistoryTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private ReadingHistory history(int maxSeries, int maxPoints) {
		return history(maxSeries, maxPoints, Duration.ofMinutes(5));
	}

	private ReadingHistory history(int maxSeries, int maxPoints, Duration kept) {
		DashboardProperties properties = new DashboardProperties();
		properties.setHistory(kept);
		properties.setMaxSeries(maxSeries);
		properties.setMaxPointsPerSeries(maxPoints);
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("meters", this.meters);
		return new ReadingHistory(properties, beans.getBeanProvider(MeterRegistry.class));
	}

	@Test
	void keepsAtMostMaxSeriesAndRefusesMore() {
		ReadingHistory history = history(2, 10);
		assertThat(history.open("a", "A", "°C", "coap://a")).isTrue();
		assertThat(history.open("a", "A", "°C", "coap://a")).isFalse();
		assertThat(history.open("b", "B", "°C", "coap://b")).isTrue();
		assertThat(history.open("c", "C", "°C", "coap://c")).isFalse();
		assertThat(history.add("c", 1)).isEmpty();
		assertThat(history.seriesIds()).containsExactly("a", "b");
		assertThat(this.meters.get("sample.dashboard.series").gauge().value()).isEqualTo(2);
		history.close("a");
		assertThat(history.open("c", "C", "°C", "coap://c")).isTrue();
	}

	@Test
	void keepsTheLatestMaxPointsPerSeries() {
		ReadingHistory history = history(4, 3);
		history.open("a", "A", "%", "coap://a");
		for (int i = 1; i <= 5; i++) {
			assertThat(history.add("a", i)).hasValueSatisfying((reading) -> assertThat(reading.series()).isEqualTo("a"));
		}
		assertThat(history.snapshot()).singleElement()
			.satisfies((series) -> assertThat(series.points()).extracting((point) -> point[1])
				.containsExactly(3.0, 4.0, 5.0));
		assertThat(history.lastSeen("a")).isPresent();
		assertThat(this.meters.get("sample.dashboard.points").gauge().value()).isEqualTo(3);
	}

	@Test
	void dropsReadingsOlderThanTheHistory() {
		ReadingHistory history = history(4, 100, Duration.ofMillis(200));
		history.open("a", "A", "%", "coap://a");
		history.add("a", 1);
		assertThat(history.snapshot().get(0).points()).hasSize(1);
		await().atMost(Duration.ofSeconds(5)).until(() -> history.snapshot().get(0).points().isEmpty());
		assertThat(history.seriesIds()).containsExactly("a");
	}

	@Test
	void aBoundOutOfRangeStopsTheStartUpNamingIt() {
		new ApplicationContextRunner().withUserConfiguration(Bounds.class)
			.withPropertyValues("sample.dashboard.max-clients=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("sample.dashboard")
				.hasMessageContaining("maxClients"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DashboardProperties.class)
	static class Bounds {

	}

}
