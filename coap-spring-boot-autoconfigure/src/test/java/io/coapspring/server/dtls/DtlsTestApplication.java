package io.coapspring.server.dtls;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.server.context.CoapServerStartedEvent;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * The application of the DTLS tests: auto-configuration plus the {@link WhoAmIResource} and the
 * {@link PeerController}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class DtlsTestApplication {

	@Bean
	WhoAmIResource whoAmIResource() {
		return new WhoAmIResource();
	}

	@Bean
	PeerController peerController() {
		return new PeerController();
	}

	@Bean
	StartedEvents startedEvents() {
		return new StartedEvents();
	}

	static class StartedEvents implements ApplicationListener<CoapServerStartedEvent> {

		final List<CoapServerStartedEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(CoapServerStartedEvent event) {
			this.events.add(event);
		}

	}

}
