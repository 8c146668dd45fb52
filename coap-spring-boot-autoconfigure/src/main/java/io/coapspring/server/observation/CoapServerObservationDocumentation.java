package io.coapspring.server.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of the requests the CoAP server answers, and its key names.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public enum CoapServerObservationDocumentation implements ObservationDocumentation {

	/**
	 * A request answered by the CoAP server.
	 */
	COAP_SERVER_REQUESTS {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCoapServerObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Key names of bounded cardinality, which become metric tags.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * Request method: {@code GET}, {@code POST}, ... or {@code UNKNOWN}.
		 */
		METHOD {
			@Override
			public String asString() {
				return "method";
			}
		},

		/**
		 * Path pattern of the handler mapping (for instance {@code /sensors/{id}}) or path of the resource that
		 * served the request; {@code NOT_FOUND} when none did, {@code UNKNOWN} when the request was answered before
		 * it was routed.
		 */
		URI {
			@Override
			public String asString() {
				return "uri";
			}
		},

		/**
		 * Response code: {@code 2.05}, {@code 4.04}, ..., or {@code NONE} when no response was sent.
		 */
		CODE {
			@Override
			public String asString() {
				return "code";
			}
		},

		/**
		 * Class of the response code: {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, or
		 * {@code UNKNOWN} when no response was sent.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		}

	}

	/**
	 * Key names of unbounded cardinality, which annotate traces but never become metric tags.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * Concrete request path, for instance {@code /sensors/7}.
		 */
		COAP_PATH {
			@Override
			public String asString() {
				return "coap.path";
			}
		}

	}

}
