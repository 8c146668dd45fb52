package io.coapspring.lwm2m.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of the operations {@code Lwm2mTemplate} sends, and its key names.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public enum Lwm2mRequestObservationDocumentation implements ObservationDocumentation {

	/**
	 * An operation sent to an LWM2M client, from the call to its outcome.
	 */
	LWM2M_REQUESTS {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultLwm2mRequestObservationConvention.class;
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
		 * The operation: {@code read}, {@code write}, {@code execute}, {@code observe}, {@code read-composite}, ...
		 */
		OPERATION {
			@Override
			public String asString() {
				return "operation";
			}
		},

		/**
		 * The outcome: {@code success}, {@code not-registered}, {@code sleeping}, {@code unreachable},
		 * {@code invalid-request}, {@code client-error}, {@code server-error} or {@code error}.
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
		 * The client's endpoint name.
		 */
		ENDPOINT {
			@Override
			public String asString() {
				return "lwm2m.endpoint";
			}
		},

		/**
		 * The path, or the paths joined by commas.
		 */
		PATH {
			@Override
			public String asString() {
				return "lwm2m.path";
			}
		}

	}

}
