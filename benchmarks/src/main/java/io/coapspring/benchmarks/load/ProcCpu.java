package io.coapspring.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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
	 * Read the CPU seconds the JIT compiler threads of a Java process have used so far: its threads named
	 * {@code C1 CompilerThread<n>} or {@code C2 CompilerThread<n>} (HotSpot's names; the kernel keeps the first 15
	 * characters). A compiler thread that HotSpot stopped takes its time with it, so differences of two readings
	 * can be negative; a process that is not HotSpot has no such threads and reads 0.
	 * @param pid the process
	 * @return user plus system seconds of its compiler threads, or -1 if the PID is negative or {@code /proc}
	 * cannot be read
	 */
	public static double compilerCpuSeconds(long pid) {
		if (pid < 0) {
			return -1;
		}
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			double seconds = 0;
			for (Path task : tasks.toList()) {
				seconds += compilerSeconds(task.resolve("stat"));
			}
			return seconds;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static double compilerSeconds(Path stat) {
		try {
			String content = Files.readString(stat);
			return isCompilerThread(content) ? parse(content) : 0;
		}
		catch (IOException ex) {
			// the thread ended between the listing and the read
			return 0;
		}
	}

	/**
	 * Return whether the content of a thread's {@code stat} file is that of a HotSpot JIT compiler thread.
	 * @param stat the content
	 * @return {@code true} for the threads named {@code C1 CompilerThre…} and {@code C2 CompilerThre…}
	 */
	static boolean isCompilerThread(String stat) {
		int open = stat.indexOf('(');
		int close = stat.lastIndexOf(')');
		if (open < 0 || close < open) {
			return false;
		}
		String name = stat.substring(open + 1, close);
		return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
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
