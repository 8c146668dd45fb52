package io.coapspring.interop;

/**
 * A CoAP client nobody here wrote, driven by the suite: libcoap's command line, an aiocoap script or a
 * node-coap script.
 */
interface PlugtestClient extends AutoCloseable {

	/**
	 * Return the name shown in the matrix, with the version.
	 */
	String name();

	/**
	 * Begin a new client for a test case: fresh socket, message IDs, tokens and observations.
	 */
	void startSession();

	/**
	 * Send a request and wait for its response, block-wise transfers included.
	 * @throws NotExpressibleException if the client cannot send that request
	 */
	PeerResponse send(PeerRequest request);

	/**
	 * Send a CoAP ping (an empty CON message) to a server and wait for the RST.
	 * @param observableUri the URI of an observable resource of the server, for a client that can ping only
	 * while it waits on an observation
	 * @throws NotExpressibleException if the client cannot send a ping
	 */
	void ping(String observableUri);

	/**
	 * Register an observation with a GET request with an Observe option, and wait for the first response.
	 */
	PeerObservation observe(PeerRequest request);

	@Override
	void close();

}
