package io.coapspring.transport.tcp;

import java.time.Duration;

import io.coapspring.transport.tcp.ConnectionKeepAlive.Action;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The keep-alive decision of {@link ConnectionKeepAlive}, on given {@link System#nanoTime()} values: a Ping
 * after the ping interval of silence and once per interval, the end at the idle timeout, a message from the
 * peer starting the count again.
 */
class ConnectionKeepAliveTests {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	@Test
	void pingsOncePerIntervalOfSilenceAndClosesAtTheIdleTimeout() {
		ConnectionKeepAlive keepAlive = new ConnectionKeepAlive(Duration.ofSeconds(2), Duration.ofSeconds(5));
		long start = System.nanoTime();
		assertThat(keepAlive.check(start + SECOND)).isEqualTo(Action.NONE);
		assertThat(keepAlive.check(start + 2 * SECOND)).isEqualTo(Action.PING);
		assertThat(keepAlive.check(start + 3 * SECOND)).as("one Ping per interval").isEqualTo(Action.NONE);
		assertThat(keepAlive.check(start + 4 * SECOND)).isEqualTo(Action.PING);
		assertThat(keepAlive.check(start + 5 * SECOND)).isEqualTo(Action.CLOSE);
	}

	@Test
	void aMessageFromThePeerStartsTheSilenceAgain() {
		ConnectionKeepAlive keepAlive = new ConnectionKeepAlive(Duration.ofSeconds(2), Duration.ofSeconds(5));
		keepAlive.received();
		long now = System.nanoTime();
		assertThat(keepAlive.check(now + SECOND)).isEqualTo(Action.NONE);
		assertThat(keepAlive.check(now + 4 * SECOND)).isEqualTo(Action.PING);
	}

	@Test
	void zeroTurnsPingsOrClosingOff() {
		long later = System.nanoTime() + 3600 * SECOND;
		assertThat(new ConnectionKeepAlive(Duration.ZERO, Duration.ZERO).check(later)).isEqualTo(Action.NONE);
		assertThat(new ConnectionKeepAlive(Duration.ZERO, Duration.ofSeconds(5)).check(later)).isEqualTo(Action.CLOSE);
		assertThat(new ConnectionKeepAlive(Duration.ofSeconds(2), Duration.ZERO).check(later)).isEqualTo(Action.PING);
	}

	@Test
	void checkPeriodIsAQuarterOfTheShorterSettingAndAtLeast50Milliseconds() {
		assertThat(ConnectionKeepAlive.checkPeriod(Duration.ofSeconds(60), Duration.ofMinutes(5))).hasSeconds(15);
		assertThat(ConnectionKeepAlive.checkPeriod(Duration.ZERO, Duration.ofSeconds(4))).hasSeconds(1);
		assertThat(ConnectionKeepAlive.checkPeriod(Duration.ofMillis(100), Duration.ZERO)).hasMillis(50);
		assertThat(ConnectionKeepAlive.checkPeriod(Duration.ZERO, Duration.ZERO)).isZero();
	}

	@Test
	void negativeSettingsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ConnectionKeepAlive(Duration.ofSeconds(-1), Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new ConnectionKeepAlive(Duration.ZERO, Duration.ofSeconds(-1)));
	}

	@Test
	void pingIsASignalingPingWithATwoByteToken() {
		byte[] ping = ConnectionKeepAlive.ping();
		assertThat(ping).hasSize(4);
		assertThat(ping[0]).isEqualTo((byte) 0x02);
		assertThat(ping[1]).isEqualTo((byte) 0xE2);
	}

}
