package io.coapspring.server.handler;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapDeleteMapping;
import io.coapspring.annotation.CoapFetchMapping;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapIPatchMapping;
import io.coapspring.annotation.CoapMapping;
import io.coapspring.annotation.CoapPatchMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.annotation.CoapPutMapping;
import io.coapspring.annotation.CoapResponseStatus;
import io.coapspring.convert.CoapResponseEntity;
import org.eclipse.californium.core.WebLink;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import reactor.core.publisher.Mono;

/**
 * Handler methods with every kind of return value, and slow ones.
 */
@CoapController
@CoapMapping("/returns")
class ReturnsController {

	static final int LARGE_SIZE = 64 * 1024;

	private volatile CountDownLatch gate = new CountDownLatch(1);

	void closeGate() {
		this.gate = new CountDownLatch(1);
	}

	void openGate() {
		this.gate.countDown();
	}

	@CoapGetMapping(path = "/pojo", produces = { "application/json", "application/cbor" })
	Reading pojo() {
		return new Reading("t1", 21.5);
	}

	@CoapGetMapping("/any-pojo")
	Reading anyPojo() {
		return new Reading("t2", 1.0);
	}

	@CoapGetMapping("/string")
	String string() {
		return "hello";
	}

	@CoapGetMapping("/bytes")
	byte[] bytes() {
		return new byte[] { 1, 2, 3 };
	}

	@CoapGetMapping("/large")
	String large() {
		char[] text = new char[LARGE_SIZE];
		for (int i = 0; i < text.length; i++) {
			text[i] = (char) ('a' + (i % 26));
		}
		return new String(text);
	}

	@CoapGetMapping("/void")
	void getVoid() {
	}

	@CoapPostMapping("/void")
	void postVoid() {
	}

	@CoapPutMapping("/void")
	void putVoid() {
	}

	@CoapDeleteMapping("/void")
	void deleteVoid() {
	}

	@CoapPostMapping("/created")
	CoapResponseEntity<String> created() {
		return CoapResponseEntity.created("/returns/items/7?v=1")
			.maxAge(Duration.ofSeconds(30))
			.option(EndToEndApplication.TENANT_OPTION, "acme")
			.body("made");
	}

	@CoapGetMapping("/entity")
	CoapResponseEntity<Reading> entity() {
		return CoapResponseEntity.ok().etag(new byte[] { 9, 9 }).contentFormat(60).body(new Reading("e", 2));
	}

	@CoapPostMapping("/annotated-status")
	@CoapResponseStatus(ResponseCode.CREATED)
	String annotatedStatus() {
		return "created by annotation";
	}

	@CoapGetMapping("/optional/{id}")
	Optional<String> optional(@CoapPathVariable String id) {
		return "none".equals(id) ? Optional.empty() : Optional.of("found " + id);
	}

	@CoapGetMapping("/future")
	CompletableFuture<String> future() {
		return CompletableFuture.supplyAsync(() -> "later",
				CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
	}

	@CoapGetMapping("/stage-optional")
	CompletionStage<Optional<Reading>> stageOptional() {
		return CompletableFuture.completedFuture(Optional.empty());
	}

	@CoapGetMapping("/mono")
	Mono<String> mono() {
		return Mono.just("from mono").delayElement(Duration.ofMillis(20));
	}

	@CoapGetMapping(path = "/links", produces = "application/link-format")
	Set<WebLink> links() {
		WebLink link = new WebLink("/sensors/7");
		link.getAttributes().addResourceType("temperature");
		return Set.of(link);
	}

	@CoapPostMapping(path = "/links", consumes = "application/link-format")
	String countLinks(@CoapPayload List<WebLink> links) {
		return links.size() + " links, first " + links.get(0).getURI();
	}

	@CoapGetMapping("/custom")
	Temperature custom(ClientName client) {
		return new Temperature(client.name().length());
	}

	@CoapGetMapping("/thread")
	String thread() {
		return Thread.currentThread().getName();
	}

	@CoapGetMapping("/slow")
	String slow() throws InterruptedException {
		// Nobody opens this latch: the handler takes 300 ms, well beyond the 50 ms piggyback time
		new CountDownLatch(1).await(300, TimeUnit.MILLISECONDS);
		return "slow";
	}

	@CoapGetMapping("/blocked")
	String blocked() throws InterruptedException {
		return this.gate.await(10, TimeUnit.SECONDS) ? "released" : "timed out";
	}

	@CoapFetchMapping(path = "/fetch", consumes = "text/plain")
	String fetch(@CoapPayload String query) {
		return "fetched " + query.toUpperCase();
	}

	@CoapPatchMapping("/patch")
	String patch(@CoapPayload String change) {
		return "patched " + change;
	}

	@CoapIPatchMapping("/ipatch")
	String ipatch(byte[] change) {
		return "ipatched " + Arrays.toString(change);
	}

}
