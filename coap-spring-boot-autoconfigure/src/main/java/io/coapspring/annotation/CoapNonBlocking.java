package io.coapspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a handler method, or every handler method of a {@link CoapController}, never blocks, so that it
 * runs on the Californium protocol thread that received the request instead of being handed to the handler
 * executor:
 *
 * <pre class="code">
 * &#64;CoapNonBlocking
 * &#64;CoapGetMapping("/status")
 * String status() {
 *     return this.status.get();
 * }
 * </pre>
 *
 * Saving the thread hand-off of a request is worth it for methods that only compute, read memory or return a
 * {@code CompletionStage} or stream that completes elsewhere: under load it costs a tenth to a third of the
 * throughput of a request that does little else. A method that blocks (I/O, a lock held by others, sleeping,
 * waiting on a future) must not carry this annotation: while it runs, the protocol thread serves no other
 * request, and the retransmissions and acknowledgements of other exchanges wait too.
 * <p>
 * Interceptors and exception handlers of such a method run on the protocol thread as well. Without the
 * annotation, handler methods run on the {@code CoapHandlerExecutor} ({@code coap.server.executor.*}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CoapNonBlocking {

}
