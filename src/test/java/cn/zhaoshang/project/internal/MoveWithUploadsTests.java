package cn.zhaoshang.project.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.EvidenceKind;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stage move stores its evidence in its own transaction (issue 9): a move that fails leaves neither a file on disk
 * nor a row, one that succeeds has its files claimed by the project and linked to the move.
 */
@SpringBootTest
class MoveWithUploadsTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MoveWithUploads moves;

	@Autowired
	ProjectLedger ledger;

	@Autowired
	ProjectRepository projects;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	Chains chains;

	@Autowired
	JdbcClient jdbc;

	@Value("${zhaoshang.attachments.dir}")
	Path root;

	@Test
	void a_refused_move_leaves_no_file_and_no_row() throws IOException {
		CurrentUser user = accounts.loadUserByUsername("hualong");
		Project p = project(user);
		long rows = rows();
		List<Path> files = files();

		// the date is missing: refused by the gate after the file was stored in the move's transaction
		assertThatThrownBy(() -> moves.forward(p.id().value(), request(null), List.of(contract("合同.pdf")), user))
			.isInstanceOf(InvalidInputException.class);
		// the second file is refused by type after the first was stored: nothing of either stays
		assertThatThrownBy(() -> moves.forward(p.id().value(), request(LocalDate.now()),
				List.of(contract("合同.pdf"), new MoveWithUploads.Upload("病毒.exe", "MZ....".getBytes(), EvidenceKind.OTHER)),
				user))
			.isInstanceOf(InvalidInputException.class);

		assertThat(rows()).isEqualTo(rows);
		assertThat(files()).containsExactlyInAnyOrderElementsOf(files);
		assertThat(projects.findById(p.id().value()).orElseThrow().stage()).isEqualTo(Stage.NEGOTIATING);
	}

	@Test
	void a_move_that_succeeds_claims_its_files_for_the_project_and_links_them() {
		CurrentUser user = accounts.loadUserByUsername("hualong");
		Project p = project(user);
		var outcome = moves.forward(p.id().value(), request(LocalDate.now()), List.of(contract("签约合同.pdf")), user);
		assertThat(outcome.applied()).isTrue();
		assertThat(jdbc.sql("""
				SELECT a.owner_type || ':' || a.owner_id || ':' || a.evidence_kind FROM attachment a
				JOIN project_stage_move_evidence e ON e.attachment_id = a.id WHERE e.move_id = :m""")
			.param("m", outcome.moveId()).query(String.class).single())
			.isEqualTo("project:" + p.id().value() + ":CONTRACT");
	}

	private StageMoveRequest request(LocalDate date) {
		return new StageMoveRequest(Stage.SIGNED, null, date, ContractType.FORMAL_CONTRACT, new BigDecimal("10"), null,
				null, List.of(), null);
	}

	private static MoveWithUploads.Upload contract(String name) {
		return new MoveWithUploads.Upload(name, PDF, EvidenceKind.CONTRACT);
	}

	private Project project(CurrentUser user) {
		long chain = chains.findByName("化工").orElseThrow().id().value();
		return ledger.create(new ProjectDetails("原子" + UUID.randomUUID().toString().substring(0, 8), "测试投资有限公司",
				null, user.unitId().value(), null, null, chain, null, ProjectType.NEW, null, new BigDecimal("100"),
				null, null, null, null, null, null, false, null, null, null, null, null), user);
	}

	private long rows() {
		return jdbc.sql("SELECT COUNT(*) FROM attachment").query(Long.class).single();
	}

	private List<Path> files() throws IOException {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (var s = Files.list(root)) {
			return s.toList();
		}
	}
}
