package io.coapspring.lwm2m.core;

/**
 * The content formats an LWM2M server can ask a client for.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public enum Lwm2mContentFormat {

	/** OMA TLV ({@code application/vnd.oma.lwm2m+tlv}, 11542), the LWM2M 1.0 default. */
	TLV,

	/** SenML JSON ({@code application/senml+json}, 110), LWM2M 1.1. */
	SENML_JSON,

	/** SenML CBOR ({@code application/senml+cbor}, 112), LWM2M 1.1. */
	SENML_CBOR,

	/** OMA LWM2M JSON ({@code application/vnd.oma.lwm2m+json}, 11543), LWM2M 1.0. */
	JSON,

	/** Plain text, single resources only. */
	TEXT,

	/** Opaque bytes, single opaque resources only. */
	OPAQUE,

	/** CBOR, single resources only (LWM2M 1.1). */
	CBOR

}
