package io.coapspring.server.observe;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.Exchange.Origin;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.observe.ObserveManager;
import org.eclipse.californium.core.observe.ObserveRelation;
import org.eclipse.californium.elements.UdpEndpointContext;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapNotificationChecks}.
 */
class CoapNotificationChecksTests {

	private static final int INTERVAL = 5;

	private final Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
			SystemConfig.DEFINITIONS)
		.set(CoapConfig.NOTIFICATION_CHECK_INTERVAL_COUNT, INTERVAL);

	private final ObserveManager manager = new ObserveManager(this.configuration);

	private final CoapResource resource = observable();

	@Test
	void spreadsTheConfirmableNotificationsOfRelationsRegisteredTogether() {
		CoapNotificationChecks checks = new CoapNotificationChecks();
		List<Integer> firstConfirmable = new ArrayList<>();
		for (int i = 0; i < INTERVAL - 1; i++) {
			ObserveRelation relation = relation(i);
			checks.stagger(relation, this.configuration);
			firstConfirmable.add(firstConfirmable(relation));
		}
		assertThat(firstConfirmable).containsExactly(INTERVAL - 1, INTERVAL - 2, INTERVAL - 3, INTERVAL - 4);
	}

	@Test
	void keepsTheIntervalOfEachRelation() {
		CoapNotificationChecks checks = new CoapNotificationChecks();
		checks.stagger(relation(0), this.configuration);
		ObserveRelation relation = relation(1);
		checks.stagger(relation, this.configuration);
		int first = firstConfirmable(relation);
		assertThat(first).isLessThan(INTERVAL);
		assertThat(firstConfirmable(relation)).isEqualTo(INTERVAL);
		assertThat(firstConfirmable(relation)).isEqualTo(INTERVAL);
	}

	@Test
	void leavesRelationsAloneWithoutConfiguration() {
		ObserveRelation relation = relation(0);
		new CoapNotificationChecks().stagger(relation, null);
		assertThat(firstConfirmable(relation)).isEqualTo(INTERVAL - 1);
	}

	/**
	 * Count the notifications up to and including the next confirmable one.
	 */
	private static int firstConfirmable(ObserveRelation relation) {
		for (int i = 1; i <= 10 * INTERVAL; i++) {
			if (relation.getObserveType() == Type.CON) {
				return i;
			}
		}
		return -1;
	}

	private ObserveRelation relation(int port) {
		Request request = new Request(Code.GET, Type.CON);
		request.setToken(Token.fromProvider(new byte[] { (byte) port }));
		InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 40000 + port);
		request.setSourceContext(new UdpEndpointContext(peer));
		request.setObserve();
		Exchange exchange = new Exchange(request, peer, Origin.REMOTE, Runnable::run);
		return new ObserveRelation(this.manager, this.resource, exchange);
	}

	private static CoapResource observable() {
		CoapResource resource = new CoapResource("observed");
		resource.setObservable(true);
		resource.setObserveType(Type.NON);
		return resource;
	}

}
