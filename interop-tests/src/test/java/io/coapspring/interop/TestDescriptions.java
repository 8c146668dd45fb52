package io.coapspring.interop;

import java.util.ArrayList;
import java.util.List;

/**
 * Every test description of the ETSI CoAP#4 plugtests that the suite lists.
 */
final class TestDescriptions {

	private TestDescriptions() {
	}

	static List<TestDescription> all() {
		List<TestDescription> all = new ArrayList<>();
		all.addAll(CoreTestDescriptions.all());
		all.addAll(LinkTestDescriptions.all());
		all.addAll(BlockTestDescriptions.all());
		all.addAll(ObserveTestDescriptions.all());
		return List.copyOf(all);
	}

}
