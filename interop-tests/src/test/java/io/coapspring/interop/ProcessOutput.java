package io.coapspring.interop;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to its end, bounded in time, and returns what it printed (standard output and error
 * together). The process is stopped by its handle if it outlives the bound.
 */
final class ProcessOutput {

	private ProcessOutput() {
	}

	static String run(List<String> command, Duration timeout) {
		Path output = null;
		try {
			output = Files.createTempFile("interop-process-", ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			try {
				if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new AssertionError(String.join(" ", command) + " did not end within " + timeout + ":\n"
							+ Files.readString(output, StandardCharsets.UTF_8));
				}
				return Files.readString(output, StandardCharsets.UTF_8);
			}
			finally {
				process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command, ex);
		}
		finally {
			if (output != null) {
				output.toFile().delete();
			}
		}
	}

}
