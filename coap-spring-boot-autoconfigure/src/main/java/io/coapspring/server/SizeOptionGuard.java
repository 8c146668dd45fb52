package io.coapspring.server;

import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;

/**
 * Caps the Size1 and Size2 options of inbound requests at {@link Integer#MAX_VALUE} before Californium's
 * layers see them.
 * <p>
 * Both options are unsigned integers of up to four bytes (RFC 7959), but Californium 3.14 reads them into
 * a signed {@code int}: a value of 2^31 or more becomes negative, slips past the block-wise layer's
 * body-size check and makes it allocate a buffer of negative capacity, so every such datagram costs an
 * exception and a logged stack trace instead of a 4.13 (Request Entity Too Large) answer. A capped value
 * still says "larger than any body this server accepts", so the block-wise layer answers 4.13 as it should.
 * <p>
 * Found by the project's hostile-datagram robustness test.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class SizeOptionGuard extends MessageInterceptorAdapter {

	@Override
	public void receiveRequest(Request request) {
		OptionSet options = request.getOptions();
		if (options.hasSize1() && options.getSize1() < 0) {
			options.setSize1(Integer.MAX_VALUE);
		}
		if (options.hasSize2() && options.getSize2() < 0) {
			options.setSize2(Integer.MAX_VALUE);
		}
	}

}
