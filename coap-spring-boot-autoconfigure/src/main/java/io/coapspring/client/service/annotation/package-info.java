/**
 * Annotations of declarative CoAP clients: exchange annotations on interface methods and the annotations of
 * their parameters.
 */
@NullMarked
package io.coapspring.client.service.annotation;

import org.jspecify.annotations.NullMarked;
