package io.coapspring.benchmarks.jmh;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.server.mapping.CoapHandlerMapping;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import io.coapspring.server.mapping.CoapHandlerMethod;
import io.coapspring.server.mapping.CoapMappingInfo;
import io.coapspring.server.mapping.CoapPathMatch;
import io.coapspring.server.mapping.CoapPathPattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.util.ReflectionUtils;

/**
 * Route lookup among 1,000 mappings: {@code literal} registers {@code /area{i}/device{j}/state} for 40 areas
 * of 25 devices, {@code templated} registers {@code /area{i}/devices/{id}/readings/{kind:[a-z]+}} for 1,000
 * areas. {@link #hit()} looks up a path of the mapping that comes last in the specificity order (the worst
 * case of a linear scan), {@link #miss()} a path that no mapping matches (a 4.04).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouteLookupBenchmarks {

	private static final int MAPPINGS = 1_000;

	@Param({ "literal", "templated" })
	public String kind;

	private CoapHandlerMappingRegistry registry;

	private List<String> hitPath;

	private List<String> missPath;

	@Setup
	public void setUp() {
		this.registry = new CoapHandlerMappingRegistry();
		Method handler = ReflectionUtils.findMethod(Handler.class, "handle");
		CoapHandlerMethod handlerMethod = new CoapHandlerMethod(new Handler(), handler);
		for (int i = 0; i < MAPPINGS; i++) {
			String pattern = "literal".equals(this.kind) ? "/area" + (i / 25) + "/device" + (i % 25) + "/state"
					: "/area" + i + "/devices/{id}/readings/{kind:[a-z]+}";
			CoapPathPattern parsed = CoapPathPattern.parse(pattern);
			CoapMappingInfo info = new CoapMappingInfo(List.of(parsed), Set.of(CoapMethod.GET), List.of(), List.of(),
					false, true, false, List.of(), List.of(), null, -1, false, -1);
			this.registry.register(new CoapHandlerMapping(parsed, info, handlerMethod));
		}
		List<CoapHandlerMapping> mappings = this.registry.getMappings();
		String last = mappings.get(mappings.size() - 1).pattern().getPattern();
		if ("literal".equals(this.kind)) {
			this.hitPath = List.of(last.substring(1).split("/"));
			this.missPath = List.of("area7", "device3", "status");
		}
		else {
			this.hitPath = List.of(last.substring(1, last.indexOf('/', 1)), "devices", "d-42", "readings",
					"temperature");
			this.missPath = List.of("area7", "devices", "d-42", "readings", "42");
		}
		check(this.registry.match(this.hitPath).size() == 1, "hit path " + this.hitPath + " does not match once");
		check(this.registry.match(this.missPath).isEmpty(), "miss path " + this.missPath + " matches");
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

	@Benchmark
	public List<CoapPathMatch> hit() {
		return this.registry.match(this.hitPath);
	}

	@Benchmark
	public List<CoapPathMatch> miss() {
		return this.registry.match(this.missPath);
	}

	/**
	 * The handler of every mapping; never invoked.
	 */
	static class Handler {

		void handle() {
		}

	}

}
