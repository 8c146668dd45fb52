package io.coapspring.server.handler;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * An application with one slow handler method that waits until the test releases it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SlowApplication.SlowController.class)
class SlowApplication {

	@CoapController
	static class SlowController {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@CoapGetMapping("/slow")
		String slow() throws InterruptedException {
			this.started.countDown();
			return this.release.await(10, TimeUnit.SECONDS) ? "done" : "timed out";
		}

		@CoapGetMapping("/fast")
		String fast() {
			return "fast";
		}

	}

}
