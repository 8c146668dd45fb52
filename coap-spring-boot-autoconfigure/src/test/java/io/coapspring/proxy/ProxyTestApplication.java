package io.coapspring.proxy;

import org.eclipse.californium.core.coap.option.OpaqueOptionDefinition;
import org.eclipse.californium.core.coap.option.OptionDefinition;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The proxy application of the proxy tests: the auto-configuration with a cache on a clock the tests move.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ProxyTestApplication {

	/** An elective option that is unsafe to forward, which the proxy does not understand. */
	static final int UNSAFE_OPTION = 2050;

	@Bean
	MutableClock proxyClock() {
		return new MutableClock();
	}

	@Bean
	CoapProxyCache coapProxyCache(MutableClock proxyClock) {
		return new CoapProxyCache(100, 1_000_000, proxyClock);
	}

	@Bean
	OptionDefinition unsafeOption() {
		return new OpaqueOptionDefinition(UNSAFE_OPTION, "Test-Unsafe");
	}

}
