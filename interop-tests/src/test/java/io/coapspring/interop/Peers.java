package io.coapspring.interop;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Finding the peers nobody here wrote, and the rule for a missing one: skip the test with a message naming the
 * package to install on a developer machine, fail it on CI ({@code CI=true}).
 */
final class Peers {

	private Peers() {
	}

	/**
	 * Return an executable of the PATH.
	 */
	static Optional<Path> onPath(String command) {
		String path = System.getenv("PATH");
		for (String directory : ((path != null) ? path : "/usr/bin:/bin").split(File.pathSeparator)) {
			Path candidate = Path.of(directory, command);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * Report a missing peer: skip, or fail on CI.
	 * @param message what is missing and which package to install
	 */
	static <T> T missing(String message) {
		if (isCi()) {
			fail(message + " (CI=true: a missing peer fails the build)");
		}
		return abort(message);
	}

	static boolean isCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

}
