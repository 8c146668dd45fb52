package io.coapspring.server.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An immutable index of path pattern groups for finding the patterns that match a request path without
 * trying each one: a trie of segments whose nodes have a child per literal segment, one child for any
 * single-segment variable ({@code {name}} or {@code {name:regex}}), the groups whose pattern ends at the node and
 * the groups whose {@code {*name}} variable starts at it.
 * <p>
 * A lookup walks the nodes the path can reach, takes their groups as candidates and lets each candidate's
 * {@link CoapPathPattern#match(List)} decide (it checks the regular expressions and extracts the variables). It
 * allocates nothing for a path that matches no pattern beyond what the regular expressions need, and only the
 * result for a path that does.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
final class CoapPathPatternIndex {

	private static final Group[] NO_GROUPS = {};

	/**
	 * The index of no group.
	 */
	static final CoapPathPatternIndex EMPTY = new CoapPathPatternIndex(List.of());

	private final List<Group> groups;

	private final Node root = new Node();

	/**
	 * Index groups.
	 * @param groups the groups, the most specific pattern first, one per pattern
	 */
	CoapPathPatternIndex(List<Group> groups) {
		this.groups = List.copyOf(groups);
		for (Group group : this.groups) {
			add(group);
		}
	}

	private void add(Group group) {
		CoapPathPattern pattern = group.pattern();
		int fixed = pattern.hasRestVariable() ? pattern.getSegmentCount() - 1 : pattern.getSegmentCount();
		Node node = this.root;
		for (int i = 0; i < fixed; i++) {
			node = node.child(pattern.getLiteral(i));
		}
		if (pattern.hasRestVariable()) {
			node.rest = append(node.rest, group);
		}
		else {
			node.ending = append(node.ending, group);
		}
	}

	private static Group[] append(Group[] groups, Group group) {
		Group[] appended = Arrays.copyOf(groups, groups.length + 1);
		appended[groups.length] = group;
		return appended;
	}

	/**
	 * Return the indexed groups.
	 * @return the groups, the most specific pattern first
	 */
	List<Group> groups() {
		return this.groups;
	}

	/**
	 * Find the patterns that match a path.
	 * @param path the Uri-Path segments, empty segments excluded
	 * @return the matches in the order of the groups, the most specific pattern first; empty if none matches
	 */
	@SuppressWarnings("unchecked")
	List<CoapPathMatch> match(List<String> path) {
		Object found = collect(this.root, path, 0, null);
		if (found == null) {
			return List.of();
		}
		if (found instanceof CoapPathMatch match) {
			return List.of(match);
		}
		return (List<CoapPathMatch>) found;
	}

	/**
	 * Collect the matches of the groups a node and its descendants hold for a path.
	 * @param node the node, reached with the first {@code depth} segments
	 * @param path the path
	 * @param depth the number of segments consumed
	 * @param found {@code null}, a {@link CoapPathMatch} or a sorted list of them
	 * @return {@code found} with the new matches
	 */
	private static @Nullable Object collect(Node node, List<String> path, int depth, @Nullable Object found) {
		Group[] rest = node.rest;
		for (int i = 0; i < rest.length; i++) {
			found = verify(rest[i], path, found);
		}
		if (depth == path.size()) {
			Group[] ending = node.ending;
			for (int i = 0; i < ending.length; i++) {
				found = verify(ending[i], path, found);
			}
			return found;
		}
		if (node.literals != null) {
			Node literal = node.literals.get(path.get(depth));
			if (literal != null) {
				found = collect(literal, path, depth + 1, found);
			}
		}
		if (node.variable != null) {
			found = collect(node.variable, path, depth + 1, found);
		}
		return found;
	}

	private static @Nullable Object verify(Group group, List<String> path, @Nullable Object found) {
		Map<String, String> variables = group.pattern().match(path);
		if (variables == null) {
			return found;
		}
		CoapPathMatch match = new CoapPathMatch(group.pattern(), variables, group.mappings());
		if (found == null) {
			return match;
		}
		List<CoapPathMatch> matches;
		if (found instanceof CoapPathMatch first) {
			matches = new ArrayList<>(4);
			matches.add(first);
		}
		else {
			@SuppressWarnings("unchecked")
			List<CoapPathMatch> list = (List<CoapPathMatch>) found;
			matches = list;
		}
		int index = matches.size();
		while (index > 0 && match.pattern().compareTo(matches.get(index - 1).pattern()) < 0) {
			index--;
		}
		matches.add(index, match);
		return matches;
	}

	/**
	 * The mappings registered under a pattern.
	 *
	 * @param pattern the pattern
	 * @param mappings the mappings, unmodifiable, never empty
	 */
	record Group(CoapPathPattern pattern, List<CoapHandlerMapping> mappings) {
	}

	/**
	 * A node of the trie, reached with as many segments as its depth. Modified only while the index is built.
	 */
	private static final class Node {

		private @Nullable Map<String, Node> literals;

		private @Nullable Node variable;

		private Group[] ending = NO_GROUPS;

		private Group[] rest = NO_GROUPS;

		Node child(@Nullable String literal) {
			if (literal == null) {
				if (this.variable == null) {
					this.variable = new Node();
				}
				return this.variable;
			}
			if (this.literals == null) {
				this.literals = new HashMap<>();
			}
			return this.literals.computeIfAbsent(literal, (key) -> new Node());
		}

	}

}
