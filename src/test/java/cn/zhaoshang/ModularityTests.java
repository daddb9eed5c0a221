package cn.zhaoshang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure of docs/architecture.md holds: the seven modules of its map and no other, each depending on
 * exactly the modules the map names, one way (no cycles, nobody depending on audit), only through API packages;
 * and the architecture documentation in {@code docs/architecture} is regenerated from the code, one page per module.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(ZhaoshangApplication.class);

	/** The modules of the map in docs/architecture.md, by identifier. */
	static final List<String> EXPECTED = List.of("platform", "org", "audit", "chain", "merchant", "clue", "project",
			"dispatch", "supervision", "report", "activity");

	@Test
	void modules_respect_their_boundaries() {
		MODULES.verify();
	}

	@Test
	void the_seven_modules_of_the_map_are_detected_and_nothing_else() {
		assertThat(MODULES.stream().map(ModularityTests::id)).containsExactlyInAnyOrderElementsOf(EXPECTED);
		assertThat(MODULES.stream().map(ApplicationModule::getDisplayName)).as("each module names itself")
			.doesNotContainNull()
			.doesNotHaveDuplicates()
			.noneMatch(name -> EXPECTED.contains(name));
	}

	/**
	 * Each module depends on exactly the modules the "uses" column of the module map in docs/architecture.md names:
	 * a new dependency must be documented (and thereby reviewed), a dependency that went away too.
	 */
	@Test
	void each_module_depends_on_exactly_what_the_architecture_page_says() throws Exception {
		Map<String, Set<String>> documented = documentedDependencies();
		assertThat(documented.keySet()).as("modules in the map of docs/architecture.md")
			.containsExactlyInAnyOrderElementsOf(EXPECTED);

		Map<String, Set<String>> actual = actualDependencies();

		assertThat(actual).isEqualTo(documented);
	}

	@Test
	void dependencies_point_one_way_and_nobody_depends_on_audit() {
		Map<String, Set<String>> deps = actualDependencies();
		assertThat(deps.get("platform")).as("platform depends on nothing").isEmpty();
		assertThat(deps.entrySet().stream().filter(e -> e.getValue().contains("audit")).map(Map.Entry::getKey))
			.as("modules depending on audit").isEmpty();
		// a topological order exists exactly when there is no cycle: take modules whose dependencies are all taken
		List<String> order = new ArrayList<>();
		Set<String> left = new TreeSet<>(deps.keySet());
		while (!left.isEmpty()) {
			var ready = left.stream().filter(m -> order.containsAll(deps.get(m))).toList();
			assertThat(ready).as("modules in a dependency cycle: " + left).isNotEmpty();
			order.addAll(ready);
			left.removeAll(ready);
		}
		assertThat(order.indexOf("org")).isLessThan(order.indexOf("clue"));
		assertThat(order.indexOf("clue")).isLessThan(order.indexOf("project"));
	}

	@Test
	void writes_the_architecture_documentation() throws Exception {
		Path folder = Path.of("docs/architecture");
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeDocumentation();
		Path components = folder.resolve("components.puml");
		String diagram = Files.readString(components);
		for (ApplicationModule module : MODULES) {
			assertThat(diagram).as("component diagram").contains(module.getDisplayName());
			Path page = folder.resolve("module-" + id(module) + ".adoc");
			assertThat(page).as("module page of " + id(module)).exists();
			assertThat(Files.readString(page)).as(page.toString())
				.contains("`" + module.getBasePackage().getName() + "`");
		}
		assertThat(Files.readString(folder.resolve("all-docs.adoc"))).contains("module-project.adoc");
		try (var files = Files.list(folder)) {
			for (Path file : files.toList()) {
				if (file.toString().endsWith(".puml")) {
					sortRelations(file);
				}
				else if (file.toString().endsWith(".adoc")) {
					sortBulletCells(file);
				}
			}
		}
	}

	private static String id(ApplicationModule module) {
		return module.getIdentifier().toString();
	}

	/** Module → the modules it uses directly (any dependency type: types, beans, events). */
	static Map<String, Set<String>> actualDependencies() {
		Map<String, Set<String>> deps = new TreeMap<>();
		for (ApplicationModule module : MODULES) {
			deps.put(id(module), module.getDirectDependencies(MODULES).uniqueModules().map(ModularityTests::id)
				.filter(other -> !other.equals(id(module)))
				.collect(Collectors.toCollection(TreeSet::new)));
		}
		return deps;
	}

	/**
	 * Reads the module map of docs/architecture.md: rows {@code | name | `package` | responsible for | uses |};
	 * the "uses" cell lists module packages separated by commas ("nothing" for none), remarks in parentheses or
	 * after a semicolon are not part of it.
	 */
	static Map<String, Set<String>> documentedDependencies() throws Exception {
		Map<String, Set<String>> map = new TreeMap<>();
		Pattern row = Pattern.compile("^\\|[^|]+\\| `([a-z]+)` \\|[^|]+\\|([^|]+)\\|\\s*$");
		for (String line : Files.readAllLines(Path.of("docs/architecture.md"))) {
			Matcher m = row.matcher(line);
			if (!m.matches()) {
				continue;
			}
			String uses = m.group(2).replaceAll("\\(.*?\\)", "").split(";")[0].strip();
			Set<String> modules = new TreeSet<>();
			if (!uses.equals("nothing")) {
				for (String name : uses.split(",")) {
					modules.add(name.strip());
				}
			}
			map.put(m.group(1), modules);
		}
		return map;
	}

	/**
	 * Table cells holding bullet lists (e.g. "Events listened to") come in no fixed order either: a cell starts with
	 * {@code |* } and continues with {@code * } lines; its bullets are sorted, the cell marker stays first.
	 */
	static void sortBulletCells(Path adoc) throws Exception {
		List<String> lines = new ArrayList<>(Files.readAllLines(adoc));
		for (int i = 0; i < lines.size(); i++) {
			if (!lines.get(i).startsWith("|* ")) {
				continue;
			}
			int j = i + 1;
			while (j < lines.size() && lines.get(j).startsWith("* ")) {
				j++;
			}
			List<String> bullets = new ArrayList<>();
			bullets.add(lines.get(i).substring(1));
			bullets.addAll(lines.subList(i + 1, j));
			Collections.sort(bullets);
			for (int k = 0; k < bullets.size(); k++) {
				lines.set(i + k, (k == 0 ? "|" : "") + bullets.get(k));
			}
			i = j - 1;
		}
		String text = String.join("\n", lines);
		Files.writeString(adoc, Files.readString(adoc).endsWith("\n") ? text + "\n" : text);
	}

	/**
	 * The Documenter writes the relations between modules in no fixed order; sorting them keeps the committed
	 * diagrams from changing on every test run.
	 */
	static void sortRelations(Path puml) throws Exception {
		List<String> lines = new ArrayList<>(Files.readAllLines(puml));
		int i = 0;
		while (i < lines.size()) {
			int j = i;
			while (j < lines.size() && lines.get(j).startsWith("Rel(")) {
				j++;
			}
			if (j > i + 1) {
				Collections.sort(lines.subList(i, j));
			}
			i = Math.max(j, i + 1);
		}
		String text = String.join("\n", lines);
		Files.writeString(puml, Files.readString(puml).endsWith("\n") ? text + "\n" : text);
	}
}
