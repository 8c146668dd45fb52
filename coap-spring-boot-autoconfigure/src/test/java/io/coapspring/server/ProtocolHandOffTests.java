package io.coapspring.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.Exchange.Origin;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.util.SerialExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The {@link ProtocolHandOff} with Californium's own serial executor over a wrapped thread pool, as an exchange
 * of a server has it.
 */
class ProtocolHandOffTests {

	private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5683);

	private final ProtocolHandOff handOff = new ProtocolHandOff();

	private final ScheduledExecutorService pool = Executors.newSingleThreadScheduledExecutor(
			(runnable) -> new Thread(runnable, "protocol-thread"));

	private final ScheduledExecutorService protocolExecutor = this.handOff.wrap(this.pool);

	private final Exchange exchange = exchange(new SerialExecutor(this.protocolExecutor));

	private final List<String> ranOn = new CopyOnWriteArrayList<>();

	@AfterEach
	void shutdown() throws InterruptedException {
		this.protocolExecutor.shutdown();
		assertThat(this.protocolExecutor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void jobScheduledWhileSendingRunsOnTheSendingThreadOwningTheExchange() {
		this.handOff.send(this.exchange, () -> this.exchange.execute(this::recordOwnedThread));
		assertThat(this.ranOn).containsExactly(Thread.currentThread().getName() + " owning");
	}

	@Test
	void jobQueuedBehindARunningJobRunsOnTheProtocolThread() throws InterruptedException {
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.exchange.execute(() -> {
			running.countDown();
			awaitLatch(release);
		});
		assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
		this.handOff.send(this.exchange, () -> this.exchange.execute(this::recordOwnedThread));
		assertThat(this.ranOn).isEmpty();
		release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.ranOn.isEmpty());
		assertThat(this.ranOn).containsExactly("protocol-thread owning");
	}

	@Test
	void onlyTheFirstJobIsTakenOverTheOthersGoToTheProtocolThread() {
		Exchange other = exchange(new SerialExecutor(this.protocolExecutor));
		this.handOff.send(this.exchange, () -> {
			this.exchange.execute(this::recordOwnedThread);
			other.execute(() -> this.ranOn.add(Thread.currentThread().getName() + " other"));
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> this.ranOn.size() == 2);
		assertThat(this.ranOn).containsExactlyInAnyOrder(Thread.currentThread().getName() + " owning",
				"protocol-thread other");
	}

	@Test
	void jobTakenOverStillRunsWhenTheSendingFailsAfterScheduling() {
		assertThatIllegalStateException().isThrownBy(() -> this.handOff.send(this.exchange, () -> {
			this.exchange.execute(this::recordOwnedThread);
			throw new IllegalStateException("failed after scheduling");
		}));
		assertThat(this.ranOn).containsExactly(Thread.currentThread().getName() + " owning");
		// the serial executor is free again: the next job is not stuck behind a job that never ran
		this.exchange.execute(this::recordOwnedThread);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.ranOn.size() == 2);
	}

	@Test
	void sendingFromTheThreadProcessingTheExchangeRunsInPlace() {
		CountDownLatch done = new CountDownLatch(1);
		this.exchange.execute(() -> {
			this.handOff.send(this.exchange, () -> this.ranOn.add(Thread.currentThread().getName()));
			done.countDown();
		});
		awaitLatch(done);
		assertThat(this.ranOn).containsExactly("protocol-thread");
	}

	@Test
	void jobsScheduledOutsideSendingRunOnTheProtocolThread() {
		this.exchange.execute(this::recordOwnedThread);
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.ranOn.isEmpty());
		assertThat(this.ranOn).containsExactly("protocol-thread owning");
	}

	private void recordOwnedThread() {
		this.ranOn.add(Thread.currentThread().getName() + (this.exchange.checkOwner() ? " owning" : " not owning"));
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Exchange exchange(SerialExecutor executor) {
		Request request = Request.newGet();
		request.setMID(1);
		request.setSourceContext(new AddressEndpointContext(PEER));
		return new Exchange(request, PEER, Origin.REMOTE, executor);
	}

}
