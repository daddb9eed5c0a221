package cn.zhaoshang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

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
		assertThat(Path.of("docs/architecture/components.puml")).exists();
		assertThat(Files.readString(Path.of("docs/architecture/components.puml"))).contains("Organisation");
	}
}
