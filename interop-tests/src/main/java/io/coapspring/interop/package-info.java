/**
 * The ETSI CoAP plugtest server (CoAP#4 test descriptions TD_COAP_CORE, TD_COAP_LINK, TD_COAP_BLOCK and
 * TD_COAP_OBS) written with the starter's annotations, for clients nobody here wrote to test against.
 */
@NullMarked
package io.coapspring.interop;

import org.jspecify.annotations.NullMarked;
