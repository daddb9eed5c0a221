package cn.zhaoshang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure of DESIGN §3 holds (no cycles, only API types used across modules), and the architecture
 * documentation in {@code docs/architecture} is regenerated from the code.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(ZhaoshangApplication.class);

	@Test
	void modules_respect_their_boundaries() {
		MODULES.verify();
	}

	@Test
	void the_expected_modules_are_detected() {
		assertThat(MODULES.stream().map(m -> m.getIdentifier().toString())).contains("platform", "org", "audit");
	}

	@Test
	void nobody_depends_on_the_audit_module() {
		var audit = MODULES.getModuleByName("audit").orElseThrow();
		assertThat(MODULES.stream().filter(m -> m.getDependencies(MODULES).contains(audit))
			.map(m -> m.getIdentifier().toString())).isEmpty();
	}

	@Test
	void writes_the_architecture_documentation() throws Exception {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/architecture"))
			.writeDocumentation();
		Path components = Path.of("docs/architecture/components.puml");
		assertThat(components).exists();
		assertThat(Files.readString(components)).contains("Organisation");
		try (var files = Files.list(Path.of("docs/architecture"))) {
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
