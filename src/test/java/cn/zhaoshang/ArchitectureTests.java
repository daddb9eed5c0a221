package cn.zhaoshang;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** House rules of STYLE.md that Modulith does not check, on the main code. */
class ArchitectureTests {

	static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("cn.zhaoshang");

	@Test
	void controllers_are_not_public() {
		ArchRule rule = classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.notBePublic()
			.because("controllers are entry points, not API (STYLE 2)");
		rule.check(MAIN);
	}

	@Test
	void nobody_opens_connections_through_the_driver_manager() {
		noClasses().should()
			.dependOnClassesThat()
			.areAssignableTo(java.sql.DriverManager.class)
			.because("connections come from the pooled DataSource")
			.check(MAIN);
	}

	@Test
	void no_field_injection() {
		fields().should()
			.notBeAnnotatedWith(Autowired.class)
			.because("dependencies are constructor parameters, so they are explicit and final")
			.check(MAIN);
	}

	@Test
	void no_module_depends_on_audit() {
		noClasses().that()
			.resideOutsideOfPackage("cn.zhaoshang.audit..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("cn.zhaoshang.audit..")
			.because("the audit trail listens to everyone and nobody depends on it (DESIGN §3)")
			.check(MAIN);
	}
}
