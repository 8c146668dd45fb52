package io.coapspring.sample;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.annotation.CoapPutMapping;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;

/**
 * Devices that authenticate over DTLS (run with the {@code dtls} profile): who am I, and a firmware update only
 * gateways may push. Over plain UDP both answer 4.01 Unauthorized.
 */
@CoapController
@CoapMapping("/devices")
class DeviceCoapController {

	@CoapGetMapping("/me")
	String me(Authentication device) {
		return device.getName() + " " + device.getAuthorities();
	}

	@CoapPutMapping(path = "/{id}/firmware", consumes = "text/plain")
	@PreAuthorize("hasRole('GATEWAY')")
	public String firmware(@CoapPathVariable String id, @CoapPayload String version, Authentication gateway) {
		return "device " + id + " updates to " + version + ", pushed by " + gateway.getName();
	}

}
