package io.coapspring.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of every test description with every peer, rendered as a Markdown table with numbered notes
 * for the reasons of the cases that did not run.
 */
final class InteropMatrix {

	private final String firstColumn;

	private final List<String[]> rows;

	private final Map<String, String> columns = new LinkedHashMap<>();

	private final Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();

	/**
	 * Create a matrix.
	 * @param firstColumn the heading of the row column
	 * @param rows the rows, each an identifier and its description
	 * @param columns the peers, by key, with their provisional names
	 */
	InteropMatrix(String firstColumn, List<String[]> rows, Map<String, String> columns) {
		this.firstColumn = firstColumn;
		this.rows = List.copyOf(rows);
		this.columns.putAll(columns);
	}

	/**
	 * Name a column after the peer, with its version, once it runs.
	 */
	synchronized void name(String column, String name) {
		this.columns.put(column, name);
	}

	synchronized void record(String row, String column, Outcome outcome, String note) {
		this.cells.computeIfAbsent(row, (key) -> new LinkedHashMap<>()).put(column, new Cell(outcome, note));
	}

	/**
	 * Return whether every case ran (or was shown not to apply) with every peer present, and none failed.
	 */
	synchronized boolean isCompleteAndGreen() {
		for (String[] row : this.rows) {
			Map<String, Cell> recorded = this.cells.getOrDefault(row[0], Map.of());
			for (String column : this.columns.keySet()) {
				Cell cell = recorded.get(column);
				if (cell == null || cell.outcome() == Outcome.FAILED || cell.outcome() == Outcome.PEER_MISSING) {
					return false;
				}
			}
		}
		return true;
	}

	synchronized String render() {
		List<String> notes = new ArrayList<>();
		StringBuilder table = new StringBuilder();
		table.append("| ").append(this.firstColumn).append(" |");
		this.columns.values().forEach((name) -> table.append(' ').append(name).append(" |"));
		table.append('\n').append("|---|");
		this.columns.keySet().forEach((name) -> table.append("---|"));
		table.append('\n');
		Map<Outcome, Integer> totals = new LinkedHashMap<>();
		for (String[] row : this.rows) {
			table.append("| `").append(row[0]).append("` ").append(row[1]).append(" |");
			Map<String, Cell> recorded = this.cells.getOrDefault(row[0], Map.of());
			for (String column : this.columns.keySet()) {
				Cell cell = recorded.getOrDefault(column, new Cell(Outcome.NOT_RUN, null));
				totals.merge(cell.outcome(), 1, Integer::sum);
				table.append(' ').append(cell.outcome().label);
				if (cell.note() != null) {
					int index = notes.indexOf(cell.note());
					if (index < 0) {
						notes.add(cell.note());
						index = notes.size() - 1;
					}
					table.append(" [").append(index + 1).append(']');
				}
				table.append(" |");
			}
			table.append('\n');
		}
		table.append('\n');
		for (int i = 0; i < notes.size(); i++) {
			table.append('[').append(i + 1).append("] ").append(notes.get(i).replace("\n", " ")).append("  \n");
		}
		if (!notes.isEmpty()) {
			table.append('\n');
		}
		table.append("Totals (cases):");
		totals.forEach(
				(outcome, count) -> table.append(' ').append(outcome.label).append(' ').append(count).append(';'));
		table.setLength(table.length() - 1);
		table.append('\n');
		return table.toString();
	}

	/**
	 * The outcome of a case.
	 */
	enum Outcome {

		/**
		 * Every check of the test description held.
		 */
		PASSED("pass"),

		/**
		 * A check failed.
		 */
		FAILED("**FAIL**"),

		/**
		 * The peer's API or command line cannot express the stimulus.
		 */
		NOT_EXPRESSIBLE("not expressible"),

		/**
		 * The description needs what the suite does not have (a proxy, for instance).
		 */
		NOT_APPLICABLE("n/a"),

		/**
		 * The server does not offer the feature yet.
		 */
		PENDING("pending"),

		/**
		 * The peer is not installed on this machine.
		 */
		PEER_MISSING("skipped, peer not installed"),

		/**
		 * The case did not run (a filtered run).
		 */
		NOT_RUN("not run");

		private final String label;

		Outcome(String label) {
			this.label = label;
		}

	}

	private record Cell(Outcome outcome, String note) {
	}

}
