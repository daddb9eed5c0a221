package cn.zhaoshang.platform.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DocumentOwner;
import cn.zhaoshang.platform.Documents;
import cn.zhaoshang.platform.StoredDocument;
import cn.zhaoshang.platform.user.AccountUserDetailsService;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The document store (issue 9): a file and its row are written in one transaction, documents belong to any owner
 * type, and the cleanup job removes only old unclaimed uploads (row, file, audit).
 */
@SpringBootTest
class DocumentStoreTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	Documents documents;

	@Autowired
	DocumentStore store;

	@Autowired
	UnclaimedUploads cleanup;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void a_rolled_back_transaction_takes_the_file_and_the_row_with_it() throws IOException {
		CurrentUser user = accounts.loadUserByUsername("hualong");
		long rows = rows();
		List<Path> files = files();
		long[] id = new long[1];
		assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			StoredDocument d = documents.store("回滚.pdf", PDF, user, null, "EVIDENCE", null);
			id[0] = d.id();
			assertThat(store.root().resolve(d.storageKey())).exists();
			throw new IllegalStateException("the use case fails after storing");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(documents.find(id[0])).isEmpty();
		assertThat(rows()).isEqualTo(rows);
		assertThat(files()).containsExactlyInAnyOrderElementsOf(files);
	}

	@Test
	void a_committed_store_keeps_both_and_any_owner_type_finds_its_files() {
		CurrentUser user = accounts.loadUserByUsername("hualong");
		DocumentOwner dispatch = DocumentOwner.of("dispatch", 424242);
		StoredDocument d = documents.store("../发文/通知.pdf", PDF, user, dispatch, "OTHER", null);
		assertThat(d.fileName()).isEqualTo("通知.pdf");
		assertThat(store.root().resolve(d.storageKey())).exists();
		assertThat(documents.ofOwner(dispatch)).extracting(StoredDocument::id).containsExactly(d.id());
		assertThat(documents.read(d)).isEqualTo(PDF);
		assertThat(d.claimableBy(user, dispatch)).isTrue();
		assertThat(d.claimableBy(user, DocumentOwner.of("project", 424242))).isFalse();
	}

	@Test
	void the_cleanup_job_removes_only_unclaimed_uploads_older_than_the_age() {
		CurrentUser user = accounts.loadUserByUsername("hualong");
		StoredDocument oldUnclaimed = documents.store("旧的未认领.pdf", PDF, user, null, "EVIDENCE", null);
		StoredDocument recentUnclaimed = documents.store("新的未认领.pdf", PDF, user, null, "EVIDENCE", null);
		StoredDocument oldClaimed = documents.store("旧的已认领.pdf", PDF, user, DocumentOwner.of("activity", 7), "OTHER",
				null);
		age(oldUnclaimed, Duration.ofDays(3));
		age(oldClaimed, Duration.ofDays(3));
		age(recentUnclaimed, Duration.ofHours(2));

		int removed = cleanup.removeOlderThan(Duration.ofDays(1));

		assertThat(removed).isGreaterThanOrEqualTo(1);
		assertThat(documents.find(oldUnclaimed.id())).isEmpty();
		assertThat(store.root().resolve(oldUnclaimed.storageKey())).doesNotExist();
		assertThat(documents.find(recentUnclaimed.id())).isPresent();
		assertThat(store.root().resolve(recentUnclaimed.storageKey())).exists();
		assertThat(documents.find(oldClaimed.id())).isPresent();
		assertThat(store.root().resolve(oldClaimed.storageKey())).exists();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry WHERE record_type = 'attachment' AND record_id = :id
				AND action = 'DISCARD' AND actor = 'system'""").param("id", String.valueOf(oldUnclaimed.id()))
			.query(Long.class).single()).isEqualTo(1);
	}

	private void age(StoredDocument d, Duration age) {
		jdbc.sql("UPDATE attachment SET uploaded_at = :at WHERE id = :id")
			.param("at", Instant.now().minus(age).atOffset(ZoneOffset.UTC))
			.param("id", d.id())
			.update();
	}

	private long rows() {
		return jdbc.sql("SELECT COUNT(*) FROM attachment").query(Long.class).single();
	}

	private List<Path> files() throws IOException {
		if (!Files.isDirectory(store.root())) {
			return List.of();
		}
		try (var s = Files.list(store.root())) {
			return s.toList();
		}
	}
}
