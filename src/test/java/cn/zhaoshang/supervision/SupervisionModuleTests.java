package cn.zhaoshang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.UnitDirectory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The supervision module with the platform only (Spring Modulith module test): it boots without the modules it
 * does not declare.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class SupervisionModuleTests {

	@MockitoBean
	UnitDirectory units;

	@MockitoBean
	RecordHistory history;

	@Autowired
	Clock clock;

	@Test
	void the_module_boots_on_the_platform() {
		assertThat(clock).isNotNull();
	}
}
