package io.coapspring.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a process from {@code /proc/<pid>/stat} (Linux): user plus system time of all its threads.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class ProcCpu {

	/** Clock ticks per second of {@code /proc} times ({@code getconf CLK_TCK}), 100 on Linux. */
	public static final double CLOCK_TICKS_PER_SECOND = 100.0;

	private static final int UTIME_AFTER_COMM = 11;

	private static final int STIME_AFTER_COMM = 12;

	private ProcCpu() {
	}

	/**
	 * Read the CPU seconds a process has used so far.
	 * @param pid the process
	 * @return user plus system seconds, or -1 if the PID is negative or {@code /proc} cannot be read
	 */
	public static double cpuSeconds(long pid) {
		if (pid < 0) {
			return -1;
		}
		try {
			return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * Parse the content of a {@code stat} file.
	 * @param stat the content
	 * @return user plus system seconds
	 */
	static double parse(String stat) {
		// the command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		long ticks = Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[STIME_AFTER_COMM]);
		return ticks / CLOCK_TICKS_PER_SECOND;
	}

}
