package io.coapspring.test.slice;

import org.springframework.stereotype.Component;

/**
 * A component unrelated to CoAP, left out of a {@code @CoapTest}.
 */
@Component
public class Unrelated {

}
