package io.coapspring.benchmarks.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProcCpu}.
 */
class ProcCpuTests {

	@Test
	void addsUserAndSystemTicksAfterTheCommandName() {
		String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 51713 0 14 0 1234 566 0 0 20 0 31 0 1735 "
				+ "4096 42 18446744073709551615";
		assertThat(ProcCpu.parse(stat)).isEqualTo(18.0);
	}

	@Test
	void readsTheCurrentProcess() {
		assertThat(ProcCpu.cpuSeconds(ProcessHandle.current().pid())).isGreaterThanOrEqualTo(0);
		assertThat(ProcCpu.cpuSeconds(-1)).isEqualTo(-1);
	}

	@Test
	void recognisesHotSpotCompilerThreadsByName() {
		String rest = " S 1 4242 4242 0 -1 4194560 51713 0 14 0 1234 566 0 0 20 0 31 0 1735 4096 42 0";
		assertThat(ProcCpu.isCompilerThread("4250 (C2 CompilerThre)" + rest)).isTrue();
		assertThat(ProcCpu.isCompilerThread("4251 (C1 CompilerThre)" + rest)).isTrue();
		assertThat(ProcCpu.isCompilerThread("4252 (CoapServer#1)" + rest)).isFalse();
		assertThat(ProcCpu.isCompilerThread("4253 (java)" + rest)).isFalse();
	}

	@Test
	void readsTheCompilerThreadsOfTheCurrentProcessAfterTheyCompiledSomething() {
		long sink = 0;
		for (int i = 0; i < 2_000_000; i++) {
			sink += Integer.toString(i).hashCode();
		}
		assertThat(sink).isNotZero();
		// the JVM running the tests has compiled the test framework by now, with its C1 and C2 threads
		assertThat(ProcCpu.compilerCpuSeconds(ProcessHandle.current().pid())).isGreaterThan(0);
		assertThat(ProcCpu.compilerCpuSeconds(-1)).isEqualTo(-1);
	}

}
