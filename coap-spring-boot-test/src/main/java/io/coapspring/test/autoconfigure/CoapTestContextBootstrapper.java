package io.coapspring.test.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/**
 * {@link org.springframework.test.context.TestContextBootstrapper} of {@link CoapTest @CoapTest}: the server
 * binds free ports unless the test's properties set them.
 *
 * @author CoAP Spring Boot team
 */
class CoapTestContextBootstrapper extends TestSliceTestContextBootstrapper<CoapTest> {

	private static final List<String> DEFAULT_PROPERTIES = List.of("coap.server.port=0", "coap.server.dtls.port=0");

	@Override
	protected String @Nullable [] getProperties(Class<?> testClass) {
		String[] properties = super.getProperties(testClass);
		List<String> all = new ArrayList<>(DEFAULT_PROPERTIES);
		if (properties != null) {
			all.addAll(Arrays.asList(properties));
		}
		return all.toArray(new String[0]);
	}

}
