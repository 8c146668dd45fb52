package io.coapspring.client.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of the requests {@code CoapTemplate} sends, and its key names.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public enum CoapClientObservationDocumentation implements ObservationDocumentation {

	/**
	 * A request sent by a {@code CoapTemplate}, from sending to its response or failure.
	 */
	COAP_CLIENT_REQUESTS {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCoapClientObservationConvention.class;
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
		 * Request method: {@code GET}, {@code POST}, ...
		 */
		METHOD {
			@Override
			public String asString() {
				return "method";
			}
		},

		/**
		 * Host of the request URI: a name or an address literal.
		 */
		REMOTE_HOST {
			@Override
			public String asString() {
				return "remote.host";
			}
		},

		/**
		 * Response code: {@code 2.05}, {@code 4.04}, ..., or {@code NONE} when no response arrived.
		 */
		CODE {
			@Override
			public String asString() {
				return "code";
			}
		},

		/**
		 * Class of the response code: {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, or
		 * {@code UNKNOWN} when no response arrived.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * Simple name of the exception that ended the request without a response (for instance
		 * {@code CoapTimeoutException}), or {@code none}.
		 */
		EXCEPTION {
			@Override
			public String asString() {
				return "exception";
			}
		}

	}

	/**
	 * Key names of unbounded cardinality, which annotate traces but never become metric tags.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The request URI.
		 */
		COAP_URL {
			@Override
			public String asString() {
				return "coap.url";
			}
		}

	}

}
