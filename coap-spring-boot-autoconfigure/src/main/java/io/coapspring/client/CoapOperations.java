package io.coapspring.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.coapspring.client.discovery.CoapNode;
import io.coapspring.client.discovery.WebLink;
import io.coapspring.convert.CoapResponseEntity;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The operations of a CoAP client, implemented by {@link CoapTemplate}: RestTemplate's methods for the CoAP
 * methods (RFC 7252 and RFC 8132), asynchronous variants, observation (RFC 7641), multicast and resource
 * discovery (RFC 6690).
 * <p>
 * URIs are absolute {@code coap://} URIs, with IPv4 or bracketed IPv6 literals or host names, or relative to
 * the template's base URI; String URIs are templates whose {@code {variables}} are expanded and encoded.
 * <p>
 * Errors are never silent: a 4.xx or 5.xx response raises a {@link CoapClientResponseException}, no answer
 * within the timeout a {@link CoapTimeoutException}, a reset a {@link CoapResetException}, and any other
 * failure a {@link CoapClientException}. Asynchronous variants complete their future with these exceptions;
 * cancelling the future cancels the request and stops its retransmission.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface CoapOperations {

	// GET

	/**
	 * GET a resource and convert its payload.
	 * @param <T> the body type
	 * @param uri the URI template
	 * @param responseType the body type
	 * @param uriVariables the values of the URI variables, in order
	 * @return the body, or {@code null} if the response had no payload
	 */
	<T> @Nullable T getForObject(String uri, Class<T> responseType, Object... uriVariables);

	/**
	 * GET a resource and convert its payload.
	 * @param <T> the body type
	 * @param uri the URI template
	 * @param responseType the body type
	 * @param uriVariables the values of the URI variables, by name
	 * @return the body, or {@code null} if the response had no payload
	 */
	<T> @Nullable T getForObject(String uri, Class<T> responseType, Map<String, ?> uriVariables);

	/**
	 * GET a resource and convert its payload.
	 * @param <T> the body type
	 * @param uri the URI
	 * @param responseType the body type
	 * @return the body, or {@code null} if the response had no payload
	 */
	<T> @Nullable T getForObject(URI uri, Class<T> responseType);

	/**
	 * GET a resource.
	 * @param <T> the body type
	 * @param uri the URI template
	 * @param responseType the body type
	 * @param uriVariables the values of the URI variables, in order
	 * @return the response
	 */
	<T> CoapResponseEntity<T> getForEntity(String uri, Class<T> responseType, Object... uriVariables);

	/**
	 * GET a resource.
	 * @param <T> the body type
	 * @param uri the URI
	 * @param responseType the body type
	 * @return the response
	 */
	<T> CoapResponseEntity<T> getForEntity(URI uri, Class<T> responseType);

	// POST

	/**
	 * POST a payload and return the Location-Path and Location-Query of the response as a URI.
	 * @param uri the URI template
	 * @param payload the payload, {@code null} for none
	 * @param uriVariables the values of the URI variables, in order
	 * @return the location resolved against the request URI, or {@code null} if the response had none
	 */
	@Nullable URI postForLocation(String uri, @Nullable Object payload, Object... uriVariables);

	/**
	 * POST a payload and convert the payload of the response.
	 * @param <T> the body type
	 * @param uri the URI template
	 * @param payload the payload, {@code null} for none
	 * @param responseType the body type
	 * @param uriVariables the values of the URI variables, in order
	 * @return the body, or {@code null} if the response had no payload
	 */
	<T> @Nullable T postForObject(String uri, @Nullable Object payload, Class<T> responseType,
			Object... uriVariables);

	/**
	 * POST a payload.
	 * @param <T> the body type
	 * @param uri the URI template
	 * @param payload the payload, {@code null} for none
	 * @param responseType the body type
	 * @param uriVariables the values of the URI variables, in order
	 * @return the response
	 */
	<T> CoapResponseEntity<T> postForEntity(String uri, @Nullable Object payload, Class<T> responseType,
			Object... uriVariables);

	// PUT, DELETE

	/**
	 * PUT a payload.
	 * @param uri the URI template
	 * @param payload the payload, {@code null} for none
	 * @param uriVariables the values of the URI variables, in order
	 */
	void put(String uri, @Nullable Object payload, Object... uriVariables);

	/**
	 * DELETE a resource.
	 * @param uri the URI template
	 * @param uriVariables the values of the URI variables, in order
	 */
	void delete(String uri, Object... uriVariables);

	// FETCH, PATCH, iPATCH (RFC 8132)

	/**
	 * FETCH a resource with a payload that selects what to return.
	 * @param <T> the body type
	 * @param uri the URI template
	 * @param payload the payload, {@code null} for none
	 * @param responseType the body type
	 * @param uriVariables the values of the URI variables, in order
	 * @return the body, or {@code null} if the response had no payload
	 */
	<T> @Nullable T fetch(String uri, @Nullable Object payload, Class<T> responseType, Object... uriVariables);

	/**
	 * PATCH a resource and convert the payload of the response.
	 * @param <T> the body type
	 * @param uri the URI template
	 * @param payload the patch document
	 * @param responseType the body type
	 * @param uriVariables the values of the URI variables, in order
	 * @return the body, or {@code null} if the response had no payload
	 */
	<T> @Nullable T patch(String uri, @Nullable Object payload, Class<T> responseType, Object... uriVariables);

	/**
	 * iPATCH (idempotent PATCH) a resource.
	 * @param uri the URI template
	 * @param payload the patch document
	 * @param uriVariables the values of the URI variables, in order
	 */
	void iPatch(String uri, @Nullable Object payload, Object... uriVariables);

	// exchange

	/**
	 * Send a request entity, with per-request options, and convert the response.
	 * @param <T> the body type
	 * @param request the request
	 * @param responseType the body type
	 * @return the response
	 */
	<T> CoapResponseEntity<T> exchange(CoapRequestEntity<?> request, Class<T> responseType);

	/**
	 * Send a request entity and convert the response to a generic type.
	 * @param <T> the body type
	 * @param request the request
	 * @param responseType the body type, for instance {@code new ParameterizedTypeReference<List<Reading>>() {}}
	 * @return the response
	 */
	<T> CoapResponseEntity<T> exchange(CoapRequestEntity<?> request, ParameterizedTypeReference<T> responseType);

	// asynchronous variants

	/**
	 * Asynchronous {@link #getForObject(String, Class, Object...)}.
	 * @param <T> the body type
	 * @param uri the URI template
	 * @param responseType the body type
	 * @param uriVariables the values of the URI variables, in order
	 * @return the future body; cancelling it cancels the request
	 */
	<T> CompletableFuture<@Nullable T> getForObjectAsync(String uri, Class<T> responseType, Object... uriVariables);

	/**
	 * Asynchronous {@link #getForEntity(String, Class, Object...)}.
	 * @param <T> the body type
	 * @param uri the URI template
	 * @param responseType the body type
	 * @param uriVariables the values of the URI variables, in order
	 * @return the future response; cancelling it cancels the request
	 */
	<T> CompletableFuture<CoapResponseEntity<T>> getForEntityAsync(String uri, Class<T> responseType,
			Object... uriVariables);

	/**
	 * Asynchronous {@link #postForLocation(String, Object, Object...)}.
	 * @param uri the URI template
	 * @param payload the payload, {@code null} for none
	 * @param uriVariables the values of the URI variables, in order
	 * @return the future location; cancelling it cancels the request
	 */
	CompletableFuture<@Nullable URI> postForLocationAsync(String uri, @Nullable Object payload, Object... uriVariables);

	/**
	 * Asynchronous {@link #postForObject(String, Object, Class, Object...)}.
	 * @param <T> the body type
	 * @param uri the URI template
	 * @param payload the payload, {@code null} for none
	 * @param responseType the body type
	 * @param uriVariables the values of the URI variables, in order
	 * @return the future body; cancelling it cancels the request
	 */
	<T> CompletableFuture<@Nullable T> postForObjectAsync(String uri, @Nullable Object payload, Class<T> responseType,
			Object... uriVariables);

	/**
	 * Asynchronous {@link #postForEntity(String, Object, Class, Object...)}.
	 * @param <T> the body type
	 * @param uri the URI template
	 * @param payload the payload, {@code null} for none
	 * @param responseType the body type
	 * @param uriVariables the values of the URI variables, in order
	 * @return the future response; cancelling it cancels the request
	 */
	<T> CompletableFuture<CoapResponseEntity<T>> postForEntityAsync(String uri, @Nullable Object payload,
			Class<T> responseType, Object... uriVariables);

	/**
	 * Asynchronous {@link #put(String, Object, Object...)}.
	 * @param uri the URI template
	 * @param payload the payload, {@code null} for none
	 * @param uriVariables the values of the URI variables, in order
	 * @return a future completed when the server answered; cancelling it cancels the request
	 */
	CompletableFuture<Void> putAsync(String uri, @Nullable Object payload, Object... uriVariables);

	/**
	 * Asynchronous {@link #delete(String, Object...)}.
	 * @param uri the URI template
	 * @param uriVariables the values of the URI variables, in order
	 * @return a future completed when the server answered; cancelling it cancels the request
	 */
	CompletableFuture<Void> deleteAsync(String uri, Object... uriVariables);

	/**
	 * Asynchronous {@link #fetch(String, Object, Class, Object...)}.
	 * @param <T> the body type
	 * @param uri the URI template
	 * @param payload the payload, {@code null} for none
	 * @param responseType the body type
	 * @param uriVariables the values of the URI variables, in order
	 * @return the future body; cancelling it cancels the request
	 */
	<T> CompletableFuture<@Nullable T> fetchAsync(String uri, @Nullable Object payload, Class<T> responseType,
			Object... uriVariables);

	/**
	 * Asynchronous {@link #patch(String, Object, Class, Object...)}.
	 * @param <T> the body type
	 * @param uri the URI template
	 * @param payload the patch document
	 * @param responseType the body type
	 * @param uriVariables the values of the URI variables, in order
	 * @return the future body; cancelling it cancels the request
	 */
	<T> CompletableFuture<@Nullable T> patchAsync(String uri, @Nullable Object payload, Class<T> responseType,
			Object... uriVariables);

	/**
	 * Asynchronous {@link #iPatch(String, Object, Object...)}.
	 * @param uri the URI template
	 * @param payload the patch document
	 * @param uriVariables the values of the URI variables, in order
	 * @return a future completed when the server answered; cancelling it cancels the request
	 */
	CompletableFuture<Void> iPatchAsync(String uri, @Nullable Object payload, Object... uriVariables);

	/**
	 * Asynchronous {@link #exchange(CoapRequestEntity, Class)}.
	 * @param <T> the body type
	 * @param request the request
	 * @param responseType the body type
	 * @return the future response; cancelling it cancels the request
	 */
	<T> CompletableFuture<CoapResponseEntity<T>> exchangeAsync(CoapRequestEntity<?> request, Class<T> responseType);

	/**
	 * Asynchronous {@link #exchange(CoapRequestEntity, ParameterizedTypeReference)}.
	 * @param <T> the body type
	 * @param request the request
	 * @param responseType the body type
	 * @return the future response; cancelling it cancels the request
	 */
	<T> CompletableFuture<CoapResponseEntity<T>> exchangeAsync(CoapRequestEntity<?> request,
			ParameterizedTypeReference<T> responseType);

	// observe (RFC 7641)

	/**
	 * Observe a resource; failures are logged.
	 * @param <T> the notification type
	 * @param uri the URI
	 * @param type the notification type
	 * @param onNext receives each notification, the first being the current state
	 * @return the running observation
	 */
	<T> CoapObservation<T> observe(String uri, Class<T> type, Consumer<? super @Nullable T> onNext);

	/**
	 * Observe a resource.
	 * @param <T> the notification type
	 * @param uri the URI
	 * @param type the notification type
	 * @param onNext receives each notification, the first being the current state
	 * @param onError receives the failure that ends the observation
	 * @return the running observation
	 */
	<T> CoapObservation<T> observe(String uri, Class<T> type, Consumer<? super @Nullable T> onNext,
			Consumer<? super Throwable> onError);

	/**
	 * Observe a resource with a GET request entity and its per-request options.
	 * @param <T> the notification type
	 * @param request the registration request
	 * @param type the notification type
	 * @param listener receives notifications, the failure or the end of the observation
	 * @return the running observation
	 */
	<T> CoapObservation<T> observe(CoapRequestEntity<?> request, Class<T> type, CoapObservationListener<? super T> listener);

	/**
	 * Observe a resource with a GET request entity, converting notifications to a generic type.
	 * @param <T> the notification type
	 * @param request the registration request
	 * @param type the notification type
	 * @param listener receives notifications, the failure or the end of the observation
	 * @return the running observation
	 */
	<T> CoapObservation<T> observe(CoapRequestEntity<?> request, ParameterizedTypeReference<T> type,
			CoapObservationListener<? super T> listener);

	// multicast and discovery

	/**
	 * Send one NON GET, typically to a multicast group (node-coap's {@code multicast} and
	 * {@code multicastTimeout}), and return every response that arrived within the window. Blocks for the
	 * whole window.
	 * @param <T> the body type
	 * @param uri the URI, for instance {@code coap://[ff02::fd]/temp}
	 * @param responseType the body type
	 * @param window how long responses are collected
	 * @return the responses with their senders, in the order they arrived; error responses have no body
	 */
	<T> List<CoapMulticastResponse<T>> multicast(String uri, Class<T> responseType, Duration window);

	/**
	 * Send one NON request entity, typically to a multicast group, and return every response within the
	 * window.
	 * @param <T> the body type
	 * @param request the request, sent as NON
	 * @param responseType the body type
	 * @param window how long responses are collected
	 * @return the future responses; cancelling it cancels the request
	 */
	<T> CompletableFuture<List<CoapMulticastResponse<T>>> multicastAsync(CoapRequestEntity<?> request,
			Class<T> responseType, Duration window);

	/**
	 * Fetch and parse the {@code /.well-known/core} resource of a node, or of every node of a multicast group.
	 * @param uri the node or group, for instance {@code coap://[fd00::7]} or {@code coap://[ff02::fd]}; a URI
	 * with a path other than {@code /} names the discovery resource itself
	 * @return the links in document order
	 */
	List<WebLink> discover(String uri);

	/**
	 * Discover the resources of a node, or nodes of a multicast group, that match a filter (CoAP2's discovery
	 * by resources).
	 * @param uri the node or group
	 * @param filter an RFC 6690 filter such as {@code rt=temperature-c} or {@code href=/sensors*}, {@code null}
	 * for none
	 * @return the matching links; with a multicast group, {@link WebLink#getSource()} tells the node
	 */
	List<WebLink> discover(String uri, @Nullable String filter);

	/**
	 * Discover resources on a multicast group with an explicit window.
	 * @param uri the node or group
	 * @param filter an RFC 6690 filter, {@code null} for none
	 * @param window how long responses of a multicast group are collected
	 * @return the matching links
	 */
	List<WebLink> discover(String uri, @Nullable String filter, Duration window);

	/**
	 * Discover the nodes of a multicast group, or one node: the links of {@link #discover(String)} grouped by
	 * the node that published them, with the node's name if its links carry one ({@code ep}).
	 * @param uri the node or group, for instance {@code coap://224.0.1.187} or {@code coap://[ff02::fd]}
	 * @return the nodes in the order they answered
	 */
	List<CoapNode> discoverNodes(String uri);

	/**
	 * Discover the nodes of a multicast group that have links matching a filter.
	 * @param uri the node or group
	 * @param filter an RFC 6690 filter such as {@code rt=temperature-c}, {@code null} for none
	 * @param window how long responses of a multicast group are collected
	 * @return the nodes in the order they answered, each with its matching links
	 */
	List<CoapNode> discoverNodes(String uri, @Nullable String filter, Duration window);

	/**
	 * Find a node by name (CoAP2's {@code discover("node1.local")}): ask a multicast group for the links whose
	 * {@code ep} attribute is the name, and return the first node that answers, without waiting for the
	 * rest of the window. Nodes that do not have the name stay silent.
	 * @param uri the group, for instance {@code coap://224.0.1.187}, or a node
	 * @param name the node's name, as published with {@code coap.server.endpoint-name}; a trailing {@code *}
	 * matches a prefix
	 * @return the node, empty if none answered within the template's multicast window
	 */
	Optional<CoapNode> discoverNode(String uri, String name);

	/**
	 * Find a node by name, waiting at most the given window.
	 * @param uri the group or a node
	 * @param name the node's name
	 * @param window how long to wait for the node at most
	 * @return the node, empty if none answered within the window
	 */
	Optional<CoapNode> discoverNode(String uri, String name, Duration window);

}
