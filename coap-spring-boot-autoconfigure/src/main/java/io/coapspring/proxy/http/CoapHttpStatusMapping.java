package io.coapspring.proxy.http;

import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/**
 * Maps response codes between CoAP and HTTP: CoAP to HTTP as RFC 8075 section 7 (table 4) does for an
 * HTTP-to-CoAP proxy, HTTP to CoAP as RFC 7252 section 10.1 describes for a CoAP-to-HTTP proxy.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapHttpStatusMapping {

	private CoapHttpStatusMapping() {
	}

	/**
	 * Map a CoAP response code to an HTTP status.
	 * @param code the CoAP code
	 * @param hasPayload whether the response has a payload: 2.02 Deleted and 2.04 Changed without one become
	 * 204 No Content
	 * @param conditional whether the HTTP request was conditional (If-None-Match with entity tags), so that
	 * 2.03 Valid becomes 304 Not Modified
	 * @return the HTTP status
	 */
	public static int toHttpStatus(ResponseCode code, boolean hasPayload, boolean conditional) {
		return switch (code) {
			case CREATED -> 201;
			case DELETED, CHANGED -> hasPayload ? 200 : 204;
			case VALID -> conditional ? 304 : 200;
			case CONTENT -> 200;
			case BAD_REQUEST, BAD_OPTION, METHOD_NOT_ALLOWED, REQUEST_ENTITY_INCOMPLETE -> 400;
			// an HTTP 401 would need a WWW-Authenticate challenge that CoAP has no equivalent of
			case UNAUTHORIZED, FORBIDDEN -> 403;
			case NOT_FOUND -> 404;
			case NOT_ACCEPTABLE -> 406;
			case CONFLICT -> 409;
			case PRECONDITION_FAILED -> 412;
			case REQUEST_ENTITY_TOO_LARGE -> 413;
			case UNSUPPORTED_CONTENT_FORMAT -> 415;
			case UNPROCESSABLE_ENTITY -> 422;
			case TOO_MANY_REQUESTS -> 429;
			case NOT_IMPLEMENTED -> 501;
			case BAD_GATEWAY, PROXY_NOT_SUPPORTED -> 502;
			case SERVICE_UNAVAILABLE -> 503;
			case GATEWAY_TIMEOUT -> 504;
			default -> code.isClientError() ? 400 : 500;
		};
	}

	/**
	 * Map an HTTP status to a CoAP response code.
	 * @param status the HTTP status
	 * @param method the CoAP method of the request, which decides what a 200 OK or 204 No Content is
	 * @return the CoAP code
	 */
	public static ResponseCode toCoapCode(int status, Code method) {
		return switch (status) {
			case 201 -> ResponseCode.CREATED;
			case 304 -> ResponseCode.VALID;
			case 400 -> ResponseCode.BAD_REQUEST;
			case 401 -> ResponseCode.UNAUTHORIZED;
			case 403 -> ResponseCode.FORBIDDEN;
			case 404, 410 -> ResponseCode.NOT_FOUND;
			case 405 -> ResponseCode.METHOD_NOT_ALLOWED;
			case 406 -> ResponseCode.NOT_ACCEPTABLE;
			case 409 -> ResponseCode.CONFLICT;
			case 412 -> ResponseCode.PRECONDITION_FAILED;
			case 413 -> ResponseCode.REQUEST_ENTITY_TOO_LARGE;
			case 415 -> ResponseCode.UNSUPPORTED_CONTENT_FORMAT;
			case 422 -> ResponseCode.UNPROCESSABLE_ENTITY;
			case 429 -> ResponseCode.TOO_MANY_REQUESTS;
			case 500 -> ResponseCode.INTERNAL_SERVER_ERROR;
			case 501 -> ResponseCode.NOT_IMPLEMENTED;
			case 502 -> ResponseCode.BAD_GATEWAY;
			case 503 -> ResponseCode.SERVICE_UNAVAILABLE;
			case 504 -> ResponseCode.GATEWAY_TIMEOUT;
			default -> otherStatus(status, method);
		};
	}

	private static ResponseCode otherStatus(int status, Code method) {
		if (status >= 200 && status < 300) {
			return switch (method) {
				case GET, FETCH -> ResponseCode.CONTENT;
				case DELETE -> ResponseCode.DELETED;
				default -> ResponseCode.CHANGED;
			};
		}
		if (status >= 400 && status < 500) {
			return ResponseCode.BAD_REQUEST;
		}
		if (status >= 500 && status < 600) {
			return ResponseCode.INTERNAL_SERVER_ERROR;
		}
		// 1xx cannot reach here and redirects are not followed: the destination's answer cannot be relayed
		return ResponseCode.BAD_GATEWAY;
	}

}
