package io.coapspring.client;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.jspecify.annotations.Nullable;

/**
 * Records every request datagram the test server receives, before block-wise reassembly, so tests can check
 * what went over the wire.
 */
public class RequestLog extends MessageInterceptorAdapter {

	private final Queue<Entry> entries = new ConcurrentLinkedQueue<>();

	@Override
	public void receiveRequest(Request request) {
		this.entries.add(new Entry(request.getCode(), request.getType(), new OptionSet(request.getOptions()),
				request.getPayloadSize(), request.getSourceContext().getPeerAddress()));
	}

	/**
	 * Return the requests whose Uri-Query contains the given marker.
	 */
	public List<Entry> withQuery(String marker) {
		return this.entries.stream().filter((entry) -> entry.options().getUriQuery().contains(marker)).toList();
	}

	/**
	 * Return the requests to a path.
	 */
	public List<Entry> forPath(String path) {
		return this.entries.stream().filter((entry) -> entry.options().getUriPathString().equals(path)).toList();
	}

	public void clear() {
		this.entries.clear();
	}

	/**
	 * One received request datagram.
	 */
	public record Entry(Code code, Type type, OptionSet options, int payloadSize, InetSocketAddress source) {

		@Nullable Integer block1Size() {
			BlockOption block = this.options.getBlock1();
			return (block != null) ? block.getSize() : null;
		}

		@Nullable Integer block1Number() {
			BlockOption block = this.options.getBlock1();
			return (block != null) ? block.getNum() : null;
		}

		@Nullable Integer block2Number() {
			BlockOption block = this.options.getBlock2();
			return (block != null) ? block.getNum() : null;
		}

		@Nullable Integer block2Size() {
			BlockOption block = this.options.getBlock2();
			return (block != null) ? block.getSize() : null;
		}

	}

}
