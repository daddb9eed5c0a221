package cn.zhaoshang.project;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The types of a project as flags that combine (a 返乡 project can also be 外资 and 外向型), always in the canonical
 * order of {@link ProjectType}. Stored as the canonical comma-separated names ({@code RETURN,FOREIGN}, see
 * docs/adr/0010); the first flag is the project's primary type, which the column {@code type} and the API's
 * deprecated {@code type} field keep for older readers.
 * <p>
 * Rules ({@link #problem()}): at least one type, and never both NEW and EXPANSION (a project is either new or the
 * expansion of an existing enterprise).
 */
public final class ProjectTypes {

	/** The message key of an empty set. */
	public static final String REQUIRED = "validation.projectTypes.required";

	/** The message key of a set with both NEW and EXPANSION. */
	public static final String NEW_OR_EXPANSION = "validation.projectTypes.newOrExpansion";

	private static final ProjectTypes NONE = new ProjectTypes(EnumSet.noneOf(ProjectType.class));

	private final Set<ProjectType> flags;

	private ProjectTypes(Set<ProjectType> flags) {
		this.flags = Collections.unmodifiableSet(flags);
	}

	public static ProjectTypes of(ProjectType... types) {
		return of(List.of(types));
	}

	/** The set of the given types (nulls and repeats ignored). */
	public static ProjectTypes of(Collection<ProjectType> types) {
		EnumSet<ProjectType> set = EnumSet.noneOf(ProjectType.class);
		if (types != null) {
			types.stream().filter(java.util.Objects::nonNull).forEach(set::add);
		}
		return set.isEmpty() ? NONE : new ProjectTypes(set);
	}

	/**
	 * What a request names: the list {@code types} when it has any, else the single (older) {@code type}, else none.
	 */
	public static ProjectTypes of(Collection<ProjectType> types, ProjectType type) {
		ProjectTypes set = of(types);
		return set.isEmpty() && type != null ? of(type) : set;
	}

	/** A stored value (canonical names separated by commas); a blank one falls back to the primary type. */
	public static ProjectTypes parse(String stored, String primary) {
		String text = stored == null || stored.isBlank() ? primary : stored;
		if (text == null || text.isBlank()) {
			return NONE;
		}
		EnumSet<ProjectType> set = EnumSet.noneOf(ProjectType.class);
		for (String name : text.split(",")) {
			if (!name.isBlank()) {
				set.add(ProjectType.valueOf(name.strip()));
			}
		}
		return of(set);
	}

	/** The stored form: the canonical names separated by commas, e.g. {@code RETURN,FOREIGN}. */
	public String canonical() {
		return flags.stream().map(Enum::name).collect(Collectors.joining(","));
	}

	/** The primary type: the first flag in canonical order (null for an empty set). */
	public ProjectType primary() {
		return flags.isEmpty() ? null : flags.iterator().next();
	}

	public List<ProjectType> list() {
		return List.copyOf(flags);
	}

	public boolean contains(ProjectType t) {
		return flags.contains(t);
	}

	public boolean isEmpty() {
		return flags.isEmpty();
	}

	/** The broken rule's message key, if any. */
	public Optional<String> problem() {
		if (flags.isEmpty()) {
			return Optional.of(REQUIRED);
		}
		if (flags.contains(ProjectType.NEW) && flags.contains(ProjectType.EXPANSION)) {
			return Optional.of(NEW_OR_EXPANSION);
		}
		return Optional.empty();
	}

	/** The labels joined by the ideographic comma (、), as the pages, exports and the card show them. */
	public String joined(java.util.function.Function<ProjectType, String> label) {
		return joined(label, "\u3001");
	}

	/** The labels joined by the separator (the pages take it from {@code projectType.separator}). */
	public String joined(java.util.function.Function<ProjectType, String> label, String separator) {
		return flags.stream().map(label).collect(Collectors.joining(separator));
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ProjectTypes other && flags.equals(other.flags);
	}

	@Override
	public int hashCode() {
		return flags.hashCode();
	}

	@Override
	public String toString() {
		return canonical();
	}
}
