package io.coapspring.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Annotation for a test of CoAP controllers, like {@code @WebMvcTest} for Spring MVC: it starts a real CoAP
 * server on a random port ({@code coap.server.port=0}, unless {@link #properties()} says otherwise) with the
 * {@code @CoapController}s, {@code @CoapControllerAdvice}s and the CoAP extension beans found by component
 * scanning (argument resolvers, return value handlers, message converters, server and configuration customizers,
 * Californium resources, converters and Jackson modules), but no other {@code @Component}, {@code @Service} or
 * {@code @Repository} bean and only the auto-configurations of {@link AutoConfigureCoap}: provide what the
 * controllers depend on with {@code @MockitoBean} or {@code @Import}. A
 * {@link io.coapspring.test.client.CoapTestClient} bound to the server is auto-configured; {@code @LocalCoapPort}
 * gives the port.
 *
 * <pre class="code">
 * &#064;CoapTest(SensorController.class)
 * class SensorControllerTests {
 *
 *     &#064;Autowired
 *     CoapTestClient client;
 *
 *     &#064;MockitoBean
 *     SensorService sensors;
 *
 *     &#064;Test
 *     void readsASensor() {
 *         given(this.sensors.find("7")).willReturn(Optional.of(new Sensor("7", "Kitchen", 21.5)));
 *         this.client.get("/sensors/7").accept("application/json").exchange()
 *             .expectCode(ResponseCode.CONTENT)
 *             .expectPayload("{\"id\":\"7\",\"name\":\"Kitchen\",\"celsius\":21.5}");
 *     }
 *
 * }
 * </pre>
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(CoapTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(CoapTypeExcludeFilter.class)
@AutoConfigureCoap
@AutoConfigureCoapTestClient
@ImportAutoConfiguration
public @interface CoapTest {

	/**
	 * Properties in the form {@literal key=value} added to the environment before the test runs; they come after
	 * {@code coap.server.port=0} and {@code coap.server.dtls.port=0}, so they can override them.
	 * @return the properties
	 */
	String[] properties() default {};

	/**
	 * Alias for {@link #controllers()}.
	 * @return the controllers to test
	 */
	@AliasFor("controllers")
	Class<?>[] value() default {};

	/**
	 * The controllers to test; empty for every {@code @CoapController} found by component scanning.
	 * @return the controllers to test
	 */
	@AliasFor("value")
	Class<?>[] controllers() default {};

	/**
	 * Whether the default filters, which include only CoAP beans, are applied to component scanning.
	 * @return whether to apply the default filters
	 */
	boolean useDefaultFilters() default true;

	/**
	 * Filters that add beans to those component scanning finds.
	 * @return the include filters
	 */
	Filter[] includeFilters() default {};

	/**
	 * Filters that remove beans from those component scanning finds.
	 * @return the exclude filters
	 */
	Filter[] excludeFilters() default {};

	/**
	 * Auto-configurations not to apply.
	 * @return the auto-configurations to exclude
	 */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}
