package io.coapspring.actuate.endpoint;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.server.mapping.CoapHandlerMapping;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import io.coapspring.server.mapping.CoapHandlerMethod;
import io.coapspring.server.mapping.CoapMappingInfo;
import io.coapspring.server.observe.CoapObserveRelations;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.server.resources.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.util.Assert;

/**
 * The {@code coap} actuator endpoint, in the spirit of {@code mappings}: every handler mapping of the CoAP
 * server (methods, path pattern, handler method, consumes, produces, observable, discoverable), every Californium
 * resource of its tree, every endpoint with its bound address, and the number of observe relations of each
 * observed URI.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@org.springframework.boot.actuate.endpoint.annotation.Endpoint(id = "coap")
public class CoapMappingsEndpoint {

	private final CoapServer server;

	private final @Nullable CoapHandlerMappingRegistry registry;

	private final @Nullable CoapContentFormats contentFormats;

	private final CoapObserveRelations observeRelations;

	/**
	 * Create an endpoint.
	 * @param server the CoAP server
	 * @param registry its handler mappings, or {@code null} if it has none
	 * @param contentFormats names Content-Formats, or {@code null} to show their numbers
	 * @param observeRelations counts its observe relations
	 */
	public CoapMappingsEndpoint(CoapServer server, @Nullable CoapHandlerMappingRegistry registry,
			@Nullable CoapContentFormats contentFormats, CoapObserveRelations observeRelations) {
		Assert.notNull(server, "'server' must not be null");
		Assert.notNull(observeRelations, "'observeRelations' must not be null");
		this.server = server;
		this.registry = registry;
		this.contentFormats = contentFormats;
		this.observeRelations = observeRelations;
	}

	/**
	 * Describe the CoAP server.
	 * @return the description
	 */
	@ReadOperation
	public CoapServerDescriptor coap() {
		List<MappingDescriptor> mappings = new ArrayList<>();
		if (this.registry != null) {
			for (CoapHandlerMapping mapping : this.registry.getMappings()) {
				mappings.add(describe(mapping));
			}
		}
		List<ResourceDescriptor> resources = new ArrayList<>();
		for (Resource child : this.server.getRoot().getChildren()) {
			collect(child, resources);
		}
		resources.sort((left, right) -> left.path().compareTo(right.path()));
		List<EndpointDescriptor> endpoints = new ArrayList<>();
		for (Endpoint endpoint : this.server.getEndpoints()) {
			InetSocketAddress address = endpoint.getAddress();
			endpoints.add(new EndpointDescriptor(endpoint.getUri().toString(), endpoint.getUri().getScheme(),
					address.getAddress().getHostAddress(), address.getPort(), endpoint.isStarted()));
		}
		return new CoapServerDescriptor(mappings, resources, endpoints, this.observeRelations.countByUri());
	}

	private MappingDescriptor describe(CoapHandlerMapping mapping) {
		CoapMappingInfo info = mapping.info();
		List<String> methods = info.methods().stream().sorted().map(Enum::name).toList();
		List<String> disabled = new ArrayList<>();
		for (CoapMethod method : info.methods().stream().sorted().toList()) {
			if (this.registry != null && !this.registry.isEnabled(mapping.pattern(), method)) {
				disabled.add(method.name());
			}
		}
		return new MappingDescriptor(mapping.pattern().getPattern(), methods, disabled,
				handler(mapping.handlerMethod()), formats(info.consumes()), formats(info.produces()),
				info.observable(), info.discoverable());
	}

	private static String handler(CoapHandlerMethod handlerMethod) {
		return handlerMethod.getHandlerDescription();
	}

	private List<String> formats(List<Integer> numbers) {
		return numbers.stream()
			.map((number) -> (this.contentFormats != null) ? this.contentFormats.name(number) : String.valueOf(number))
			.toList();
	}

	private static void collect(Resource resource, List<ResourceDescriptor> resources) {
		String uri = resource.getURI();
		resources.add(new ResourceDescriptor(uri.startsWith("/") ? uri : "/" + uri, resource.getClass().getName(),
				resource.isObservable(), resource.isVisible()));
		for (Resource child : resource.getChildren()) {
			collect(child, resources);
		}
	}

	/**
	 * Description of a CoAP server.
	 *
	 * @param mappings the handler mappings, the most specific patterns first
	 * @param resources the Californium resources of the server's tree, by path
	 * @param endpoints the endpoints
	 * @param observeRelations the number of observe relations of each observed URI
	 */
	public record CoapServerDescriptor(List<MappingDescriptor> mappings, List<ResourceDescriptor> resources,
			List<EndpointDescriptor> endpoints,
			Map<String, Integer> observeRelations) implements OperationResponseBody {

	}

	/**
	 * Description of a handler mapping.
	 *
	 * @param pattern the path pattern
	 * @param methods the methods it handles
	 * @param disabledMethods the methods switched off at run time, answered 4.05
	 * @param handler the handler method
	 * @param consumes the Content-Formats of the payloads it reads, empty for any
	 * @param produces the Content-Formats it produces, the default first, empty for any
	 * @param observable whether GET requests may observe it
	 * @param discoverable whether {@code /.well-known/core} lists it
	 */
	public record MappingDescriptor(String pattern, List<String> methods, List<String> disabledMethods, String handler,
			List<String> consumes, List<String> produces, boolean observable, boolean discoverable) {

	}

	/**
	 * Description of a Californium resource of the server's tree.
	 *
	 * @param path the path
	 * @param type the resource class
	 * @param observable whether it may be observed
	 * @param discoverable whether {@code /.well-known/core} lists it
	 */
	public record ResourceDescriptor(String path, String type, boolean observable, boolean discoverable) {

	}

	/**
	 * Description of an endpoint of the server.
	 *
	 * @param uri the endpoint URI
	 * @param scheme {@code coap} for UDP, {@code coaps} for DTLS
	 * @param address the bound address
	 * @param port the bound port, 0 while it is not bound
	 * @param started whether it is started
	 */
	public record EndpointDescriptor(String uri, String scheme, String address, int port, boolean started) {

	}

}
