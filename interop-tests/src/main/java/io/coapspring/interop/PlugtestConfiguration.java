package io.coapspring.interop;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The state of the resources that clients change, and the clock of the observable ones.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlugtestConfiguration {

	@Bean
	ObservableState observableState() {
		return new ObservableState();
	}

	@Bean
	RepresentationStore representationStore() {
		return new RepresentationStore(Map.of(ValidationController.VALIDATE, Representation.text("Validate: version 1"),
				BlockwiseController.LARGE_UPDATE, LargeText.create()));
	}

}
