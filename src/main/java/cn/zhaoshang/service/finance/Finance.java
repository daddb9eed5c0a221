package cn.zhaoshang.service.finance;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.service.finance.FinanceRecords.Need;
import cn.zhaoshang.service.finance.FinanceRecords.Stake;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of county equity participation and project financing (clause VIII): record a stake and its exit
 * events, record a financing need, the banks' offers and its status. A unit writes for its own stakes and its own
 * projects' needs, the city bureau for all; every write is audited in its transaction.
 */
@Service
public class Finance {

	static final String STAKE = "equityStake";

	static final String NEED = "financingNeed";

	private final FinanceStore store;
	private final DataScopes scopes;
	private final Auditor auditor;
	private final JdbcClient jdbc;

	Finance(FinanceStore store, DataScopes scopes, Auditor auditor, JdbcClient jdbc) {
		this.store = store;
		this.scopes = scopes;
		this.auditor = auditor;
		this.jdbc = jdbc;
	}

	public static boolean editorRole(CurrentUser user) {
		return user != null && (user.role() == Role.ADMIN || user.role() == Role.CITY_SUPERVISOR
				|| user.role() == Role.UNIT_MANAGER || user.role() == Role.UNIT_STAFF);
	}

	public boolean canEdit(CurrentUser user, long unitId) {
		return editorRole(user) && scopes.of(user).canEdit(new UnitId(unitId));
	}

	public Stake stake(long id, CurrentUser user) {
		Stake s = store.stake(id).orElseThrow(NotFoundException::new);
		if (!scopes.of(user).canRead(new UnitId(s.unitId()))) {
			throw new NotFoundException();
		}
		return s;
	}

	public Need need(long id, CurrentUser user) {
		Need n = store.need(id).orElseThrow(NotFoundException::new);
		if (!scopes.of(user).canRead(new UnitId(n.unitId()))) {
			throw new NotFoundException();
		}
		return n;
	}

	@Transactional
	public long createStake(FinanceInputs.Stake in, CurrentUser user) {
		long projectId = projectId(in.projectId(), in.projectCode());
		long projectUnit = projectUnit(projectId);
		long unit = in.unitId() == null ? projectUnit : in.unitId();
		if (jdbc.sql("SELECT COUNT(*) FROM unit WHERE id = :id").param("id", unit).query(Long.class).single() == 0) {
			throw new FieldException("unitId", "site.rule.unit");
		}
		if (!canEdit(user, unit)) {
			throw new BusinessException(403, "error.forbidden");
		}
		long id = store.insertStake(in, projectId, unit);
		Stake s = store.stake(id).orElseThrow();
		auditor.record(STAKE, id, "CREATE", summary(s.vehicle() + " / " + s.projectCode()), Map.of(), facts(s));
		return id;
	}

	@Transactional
	public Stake addEvent(long stakeId, FinanceInputs.Event in, CurrentUser user) {
		Stake before = stake(stakeId, user);
		if (!canEdit(user, before.unitId())) {
			throw new BusinessException(403, "error.forbidden");
		}
		store.insertEvent(stakeId, in.version() == null ? before.version() : in.version(), in);
		Stake after = store.stake(stakeId).orElseThrow();
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("eventDate", in.eventDate());
		event.put("kind", in.kind().name());
		event.put("eventAmount", in.eventAmount());
		event.put("note", in.note());
		event.put("returns", after.returns());
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("returns", before.returns());
		auditor.record(STAKE, stakeId, "EVENT", summary(after.vehicle() + " / " + after.projectCode()), was, event);
		return after;
	}

	/** Changes a stake's vehicle, amount, share, date and exit plan at the version read (409 when stale). */
	@Transactional
	public Stake updateStake(long id, FinanceInputs.StakeEdit in, CurrentUser user) {
		Stake before = stake(id, user);
		if (!canEdit(user, before.unitId())) {
			throw new BusinessException(403, "error.forbidden");
		}
		store.updateStake(id, in);
		Stake after = store.stake(id).orElseThrow();
		auditor.record(STAKE, id, "UPDATE", summary(after.vehicle() + " / " + after.projectCode()), facts(before),
				facts(after));
		return after;
	}

	@Transactional
	public long createNeed(FinanceInputs.Need in, CurrentUser user) {
		long projectId = projectId(in.projectId(), in.projectCode());
		long unit = projectUnit(projectId);
		if (!canEdit(user, unit)) {
			throw new BusinessException(403, "error.forbidden");
		}
		long id = store.insertNeed(in, projectId, unit);
		Need n = store.need(id).orElseThrow();
		auditor.record(NEED, id, "CREATE", summary(n.projectCode() + " / " + n.purpose()), Map.of(), facts(n));
		return id;
	}

	/** Changes a need's amount and purpose at the version read (409 when stale). */
	@Transactional
	public Need updateNeed(long id, FinanceInputs.NeedEdit in, CurrentUser user) {
		Need before = editableNeed(id, user);
		store.updateNeed(id, in);
		Need after = store.need(id).orElseThrow();
		auditor.record(NEED, id, "UPDATE", summary(after.projectCode() + " / " + after.purpose()), facts(before),
				facts(after));
		return after;
	}

	@Transactional
	public Need addOffer(long needId, FinanceInputs.Offer in, CurrentUser user) {
		Need before = editableNeed(needId, user);
		store.insertOffer(needId, in.version() == null ? before.version() : in.version(), in);
		Need after = store.need(needId).orElseThrow();
		Map<String, Object> offer = new LinkedHashMap<>();
		offer.put("bank", in.bank());
		offer.put("product", in.product());
		offer.put("offerAmount", in.offerAmount());
		offer.put("ratePct", in.ratePct());
		offer.put("offeredOn", in.offeredOn());
		offer.put("note", in.note());
		offer.put("status", after.status().name());
		auditor.record(NEED, needId, "OFFER", summary(after.projectCode() + " / " + in.bank()),
				Map.of("status", before.status().name()), offer);
		return after;
	}

	@Transactional
	public Need setStatus(long needId, NeedStatus status, Integer version, CurrentUser user) {
		Need before = editableNeed(needId, user);
		store.needStatus(needId, version == null ? before.version() : version, status);
		Need after = store.need(needId).orElseThrow();
		auditor.record(NEED, needId, "UPDATE", summary(after.projectCode() + " / " + after.purpose()), facts(before),
				facts(after));
		return after;
	}

	private Need editableNeed(long id, CurrentUser user) {
		Need n = need(id, user);
		if (!canEdit(user, n.unitId())) {
			throw new BusinessException(403, "error.forbidden");
		}
		return n;
	}

	/** The project by id, else by its code (422 naming the field given when there is none). */
	private long projectId(Long id, String code) {
		if (id != null) {
			return id;
		}
		if (code == null || code.isBlank()) {
			throw new FieldException("projectCode", "finance.rule.project");
		}
		return jdbc.sql("SELECT id FROM project WHERE UPPER(code) = :code")
			.param("code", code.trim().toUpperCase())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new FieldException("projectCode", "finance.rule.project"));
	}

	/** The project's unit (422 naming projectId when there is no such project). */
	private long projectUnit(Long projectId) {
		return jdbc.sql("SELECT unit_id FROM project WHERE id = :id")
			.param("id", projectId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new FieldException("projectId", "site.rule.project"));
	}

	private static Map<String, Object> facts(Stake s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("projectId", s.projectId());
		m.put("unitId", s.unitId());
		m.put("vehicle", s.vehicle());
		m.put("stakeAmount", s.amount());
		m.put("sharePct", s.sharePct());
		m.put("investedOn", s.investedOn());
		m.put("exitPlan", s.exitPlan());
		return m;
	}

	private static Map<String, Object> facts(Need n) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("projectId", n.projectId());
		m.put("unitId", n.unitId());
		m.put("needAmount", n.amount());
		m.put("purpose", n.purpose());
		m.put("status", n.status().name());
		return m;
	}

	static String summary(String text) {
		return text.length() <= 200 ? text : text.substring(0, 199) + "\u2026";
	}
}
