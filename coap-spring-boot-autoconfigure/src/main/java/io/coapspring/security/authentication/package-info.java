/**
 * Spring Security for CoAP handler methods: the {@code Authentication} of a peer authenticated by DTLS, the
 * {@code SecurityContext} handler methods run with, and the response codes of authentication and authorization
 * failures. Needs {@code spring-security-core} on the classpath.
 */
@NullMarked
package io.coapspring.security.authentication;

import org.jspecify.annotations.NullMarked;
