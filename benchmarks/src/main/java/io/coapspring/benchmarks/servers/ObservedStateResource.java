package io.coapspring.benchmarks.servers;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * The observe scenario's resource in raw Californium: it serves the state of {@link ObservedChanges}, counts its
 * notifications that left the socket with a message observer's {@code onSent}, and publishes a change with
 * {@link #changed()}. Notifications are NON, with Californium's periodic CON check
 * ({@code NOTIFICATION_CHECK_INTERVAL_COUNT}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class ObservedStateResource extends CoapResource implements ChangeRuns {

	private final SentCounter counter = new SentCounter();

	private final ObservedChanges changes = new ObservedChanges(this::publish, this.counter::sent,
			this::getObserverCount);

	/**
	 * Create the resource at {@link ScenarioPaths#OBSERVE}.
	 */
	public ObservedStateResource() {
		super(ScenarioPaths.OBSERVE.substring(1));
		setObservable(true);
		setObserveType(Type.NON);
		getAttributes().setObservable();
	}

	@Override
	public void handleGET(CoapExchange exchange) {
		Response response = new Response(ResponseCode.CONTENT);
		response.setPayload(this.changes.payload());
		response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
		response.addMessageObserver(this.counter);
		exchange.respond(response);
	}

	@Override
	public boolean startChanging(double perSecond, Duration duration) {
		return this.changes.startChanging(perSecond, duration);
	}

	@Override
	public String stats() {
		return this.changes.stats();
	}

	private int publish() {
		int observers = getObserverCount();
		changed();
		return observers;
	}

	/**
	 * Counts the responses of this resource that left the socket.
	 */
	private static final class SentCounter extends MessageObserverAdapter {

		private final LongAdder sent = new LongAdder();

		@Override
		public void onSent(boolean retransmission) {
			if (!retransmission) {
				this.sent.increment();
			}
		}

		long sent() {
			return this.sent.sum();
		}

	}

}
