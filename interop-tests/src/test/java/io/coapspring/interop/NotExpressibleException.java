package io.coapspring.interop;

/**
 * Thrown by a {@link PlugtestClient} asked for something its API or command line cannot express, for instance a
 * zero-length token: the test description is then listed as not expressible by that client, not as failed.
 */
class NotExpressibleException extends RuntimeException {

	NotExpressibleException(String message) {
		super(message);
	}

}
