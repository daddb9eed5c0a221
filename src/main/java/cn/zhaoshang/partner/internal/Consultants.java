package cn.zhaoshang.partner.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.zhaoshang.clue.ClueId;
import cn.zhaoshang.clue.ClueSummary;
import cn.zhaoshang.clue.Clues;
import cn.zhaoshang.partner.ConsultantKind;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultants (招商顾问) of clause XI: celebrities, entrepreneurs, experts and successful Puyang natives appointed
 * for a period, with their fields, the appointment letter (a document) and the clues credited to them (checked
 * through the clue module's API). Recorded by the city bureau, read by internal users; every change audited.
 */
@Service
public class Consultants {

	/** A consultant as entered. */
	public record ConsultantInput(String name, ConsultantKind kind, String title, String fields, LocalDate from,
			LocalDate to) {
	}

	/** A stored consultant with the number of clues credited. */
	public record Consultant(long id, String name, ConsultantKind kind, String title, String fields,
			LocalDate validFrom, LocalDate validTo, int version, long clues) {

		public boolean inForce(LocalDate date) {
			return !validFrom.isAfter(date) && !validTo.isBefore(date);
		}
	}

	/** A clue credited to a consultant, as the clue module tells it. */
	public record CreditedClue(long clueId, String title, String enterpriseName, String status, String projectCode) {
	}

	private final JdbcClient jdbc;
	private final Clues clues;
	private final Auditor auditor;
	private final Clock clock;

	Consultants(JdbcClient jdbc, Clues clues, Auditor auditor, Clock clock) {
		this.jdbc = jdbc;
		this.clues = clues;
		this.auditor = auditor;
		this.clock = clock;
	}

	public ConsultantInput check(ConsultantInput in) {
		List<Violation> broken = new ArrayList<>();
		if (in.name() == null || in.name().isBlank()) {
			broken.add(new Violation("name", "validation.required"));
		}
		else if (in.name().strip().length() > 100) {
			broken.add(new Violation("name", "partner.validation.tooLong", 100));
		}
		if (in.kind() == null) {
			broken.add(new Violation("kind", "validation.required"));
		}
		if (in.title() != null && in.title().strip().length() > 200) {
			broken.add(new Violation("title", "partner.validation.tooLong", 200));
		}
		if (in.fields() != null && in.fields().strip().length() > 500) {
			broken.add(new Violation("fields", "partner.validation.tooLong", 500));
		}
		if (in.from() == null) {
			broken.add(new Violation("validFrom", "validation.required"));
		}
		if (in.to() == null) {
			broken.add(new Violation("validTo", "validation.required"));
		}
		if (in.from() != null && in.to() != null && in.to().isBefore(in.from())) {
			broken.add(new Violation("validTo", "partner.validation.periodOrder"));
		}
		if (!broken.isEmpty()) {
			throw new InvalidInputException(broken);
		}
		return new ConsultantInput(in.name().strip(), in.kind(), blank(in.title()), blank(in.fields()), in.from(),
				in.to());
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** Appoints a consultant; audited as {@code CREATE}. */
	@Transactional
	public long create(ConsultantInput input, CurrentUser user) {
		ConsultantInput in = check(input);
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO partner_consultant (name, kind, title, fields, valid_from, valid_to, created_by, updated_by,
				  created_at, updated_at)
				VALUES (:name, :kind, :title, :fields, :from, :to, :by, :by, :now, :now)""")
			.param("name", in.name())
			.param("kind", in.kind().name())
			.param("title", in.title())
			.param("fields", in.fields())
			.param("from", in.from())
			.param("to", in.to())
			.param("by", user.getUsername())
			.param("now", now)
			.update(keys, "id");
		long id = Objects.requireNonNull(keys.getKey()).longValue();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", in.name());
		after.put("kind", in.kind().name());
		after.put("validFrom", in.from().toString());
		after.put("validTo", in.to().toString());
		if (in.fields() != null) {
			after.put("fields", in.fields());
		}
		auditor.record("partner_consultant", id, "CREATE", in.name(), Map.of(), after);
		return id;
	}

	private static final String SELECT = """
			SELECT c.*, (SELECT COUNT(*) FROM partner_consultant_clue k WHERE k.consultant_id = c.id) AS clues
			FROM partner_consultant c""";

	private static Consultant row(ResultSet rs, int n) throws SQLException {
		return new Consultant(rs.getLong("id"), rs.getString("name"), ConsultantKind.valueOf(rs.getString("kind")),
				rs.getString("title"), rs.getString("fields"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getInt("version"), rs.getLong("clues"));
	}

	public Consultant get(long id) {
		return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(Consultants::row).optional()
			.orElseThrow(NotFoundException::new);
	}

	/** The consultants whose name, title or fields contain the text, of a kind (null: all), by name. */
	public List<Consultant> list(String q, ConsultantKind kind) {
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		if (q != null && !q.isBlank()) {
			where.add("(LOWER(c.name) LIKE :q ESCAPE '\\' OR LOWER(c.title) LIKE :q ESCAPE '\\'"
					+ " OR LOWER(c.fields) LIKE :q ESCAPE '\\')");
			params.put("q", cn.zhaoshang.platform.list.SqlFilter.contains(q.strip().toLowerCase()));
		}
		if (kind != null) {
			where.add("c.kind = :kind");
			params.put("kind", kind.name());
		}
		return jdbc.sql(SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
				+ " ORDER BY c.name, c.id")
			.params(params)
			.query(Consultants::row)
			.list();
	}

	/** Credits a clue to a consultant (the clue must exist; twice is a 409); audited as {@code CREDIT_CLUE}. */
	@Transactional
	public void creditClue(long id, Long clueId, CurrentUser user) {
		Consultant c = get(id);
		if (clueId == null) {
			throw new InvalidInputException(List.of(new Violation("clueId", "validation.required")));
		}
		ClueSummary clue = clues.find(new ClueId(clueId))
			.orElseThrow(() -> new InvalidInputException(List.of(new Violation("clueId", "validation.unknown"))));
		long already = jdbc.sql("SELECT COUNT(*) FROM partner_consultant_clue WHERE consultant_id = :c AND clue_id = :k")
			.param("c", id)
			.param("k", clueId)
			.query(Long.class)
			.single();
		if (already > 0) {
			throw new BusinessException(409, "partner.error.clueCredited");
		}
		jdbc.sql("""
				INSERT INTO partner_consultant_clue (consultant_id, clue_id, created_by, created_at)
				VALUES (:c, :k, :by, :now)""")
			.param("c", id)
			.param("k", clueId)
			.param("by", user.getUsername())
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		auditor.record("partner_consultant", id, "CREDIT_CLUE", c.name(), Map.of(), Map.of("clueId", clue.title()));
	}

	/** The clues credited to a consultant, through the clue module. */
	public List<CreditedClue> clues(long id) {
		List<Long> ids = jdbc.sql("SELECT clue_id FROM partner_consultant_clue WHERE consultant_id = :c ORDER BY clue_id")
			.param("c", id)
			.query(Long.class)
			.list();
		List<CreditedClue> out = new ArrayList<>();
		for (Long k : ids) {
			clues.find(new ClueId(k))
				.ifPresent(s -> out.add(new CreditedClue(k, s.title(), s.enterpriseName(), s.status().name(),
						s.projectCode())));
		}
		return out;
	}
}
