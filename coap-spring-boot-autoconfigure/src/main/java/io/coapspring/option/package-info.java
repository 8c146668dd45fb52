/**
 * CoAP option definitions: the standard options plus the custom ones an application registers as
 * {@link org.eclipse.californium.core.coap.option.OptionDefinition} beans.
 */
@NullMarked
package io.coapspring.option;

import org.jspecify.annotations.NullMarked;
