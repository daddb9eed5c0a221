package cn.zhaoshang.service.appeal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.PublicForms;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Settings;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.ProjectSummaries;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes of appeals: filing (inside the government or on the public form), assigning, acknowledging,
 * answering, the enterprise's rating and reopening. The city bureau handles every appeal; a unit's managers and staff
 * those assigned to their units (data scope). Every write checks the version the user saw and is audited.
 */
@Service
public class AppealWrites {

	static final String RECORD = "appeal";
	private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private final AppealRepository repository;
	private final Merchants merchants;
	private final ProjectSummaries projects;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final Settings settings;
	private final Auditor auditor;
	private final Clock clock;
	private final ZoneId zone;

	AppealWrites(AppealRepository repository, Merchants merchants, ProjectSummaries projects, UnitDirectory units,
			DataScopes scopes, Settings settings, Auditor auditor, Clock clock,
			@Value("${zhaoshang.jobs.zone:Asia/Shanghai}") String zone) {
		this.repository = repository;
		this.merchants = merchants;
		this.projects = projects;
		this.units = units;
		this.scopes = scopes;
		this.settings = settings;
		this.auditor = auditor;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	static boolean bureau(CurrentUser user) {
		return user.role() == Role.ADMIN || user.role() == Role.CITY_SUPERVISOR;
	}

	static boolean editorRole(CurrentUser user) {
		return bureau(user) || user.role() == Role.UNIT_MANAGER || user.role() == Role.UNIT_STAFF;
	}

	/** Whether the user may work on this appeal: the bureau always, unit users when it is assigned to their scope. */
	public boolean mayHandle(Appeal a, CurrentUser user) {
		return bureau(user) || (editorRole(user) && a.assignedUnitId != null
				&& scopes.of(user).canEdit(a.assignedUnit()));
	}

	/** {@link #mayHandle(Appeal, CurrentUser)} for an appeal as the pages read it. */
	public boolean mayHandle(AppealQueries.Row a, CurrentUser user) {
		return bureau(user) || (editorRole(user) && a.assignedUnitId() != null
				&& scopes.of(user).canEdit(cn.zhaoshang.platform.UnitId.of(a.assignedUnitId())));
	}

	/** An appeal filed inside the government (hotline operator, service day, letter…). */
	@Transactional
	public Appeal file(AppealInput in, CurrentUser user) {
		if (!editorRole(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		Instant now = clock.instant();
		Appeal a = received(in.channel(), in.category(), now, user.getUsername());
		if (in.merchantId() != null) {
			var m = merchants.find(new MerchantId(in.merchantId()))
				.orElseThrow(() -> new FieldException("merchantId", "validation.unknown"));
			a.merchantId = m.id().value();
			a.enterpriseName = m.name();
		}
		else if (in.enterpriseName() == null || in.enterpriseName().isBlank()) {
			throw new FieldException("enterpriseName", "appeal.validation.enterpriseRequired");
		}
		else {
			a.enterpriseName = in.enterpriseName().strip();
			merchants.match(a.enterpriseName, null).ifPresent(m -> a.merchantId = m.id().value());
		}
		if (in.projectId() != null) {
			projects.find(new ProjectId(in.projectId()))
				.orElseThrow(() -> new FieldException("projectId", "validation.unknown"));
			a.projectId = in.projectId();
		}
		if (in.content() == null || in.content().isBlank()) {
			throw new FieldException("content", "validation.required");
		}
		a.content = in.content().strip();
		a.contactName = blankToNull(in.contactName());
		a.contact = blankToNull(in.contact());
		if (in.assignedUnitId() != null) {
			UnitId unit = checkedUnit(in.assignedUnitId(), user);
			a.assignedUnitId = unit.value();
		}
		else if (!bureau(user) && user.unitId() != null) {
			a.assignedUnitId = user.unitId().value();
		}
		return saveNew(a);
	}

	/** An appeal from the public form (no account): channel ONLINE, in the city bureau's queue. */
	@Transactional
	public Appeal filePublic(PublicAppealForm form) {
		PublicForms.requireEmptyHoneypot(form.website());
		Instant now = clock.instant();
		Appeal a = received(AppealChannel.ONLINE, form.category(), now, null);
		a.enterpriseName = form.enterpriseName().strip();
		merchants.match(a.enterpriseName, null).ifPresent(m -> a.merchantId = m.id().value());
		a.contactName = form.contactName().strip();
		a.contact = form.contact().strip();
		a.content = form.content().strip();
		return saveNew(a);
	}

	@Transactional
	public Appeal assign(long id, Long unitId, Integer version, CurrentUser user) {
		Appeal a = loaded(id, version);
		if (!bureau(user) && !mayHandle(a, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		UnitId unit = unitId == null ? null : checkedUnit(unitId, user);
		var before = a.auditView();
		a.assign(unit, clock.instant());
		return save(a, "ASSIGN", before);
	}

	@Transactional
	public Appeal acknowledge(long id, Integer version, CurrentUser user) {
		Appeal a = handled(id, version, user);
		var before = a.auditView();
		a.acknowledge(clock.instant());
		return save(a, "ACKNOWLEDGE", before);
	}

	@Transactional
	public Appeal answer(long id, String text, Integer version, CurrentUser user) {
		Appeal a = handled(id, version, user);
		var before = a.auditView();
		a.answer(text, user.getUsername(), clock.instant());
		return save(a, "ANSWER", before);
	}

	/** Records the enterprise's rating (taken by phone or on a visit by whoever handles the appeal). */
	@Transactional
	public Appeal rate(long id, Satisfaction rating, Integer version, CurrentUser user) {
		Appeal a = handled(id, version, user);
		var before = a.auditView();
		a.rate(rating, clock.instant());
		return save(a, "RATE", before);
	}

	@Transactional
	public Appeal reopen(long id, Integer version, CurrentUser user) {
		Appeal a = handled(id, version, user);
		var before = a.auditView();
		Instant now = clock.instant();
		a.reopen(WorkingDays.add(now, settings.intValue(a.category.settingKey()), zone), now);
		return save(a, "REOPEN", before);
	}

	private Appeal received(AppealChannel channel, AppealCategory category, Instant now, String createdBy) {
		Appeal a = new Appeal();
		a.trackingNo = trackingNo(now);
		a.channel = channel;
		a.category = category;
		a.ackDueAt = WorkingDays.add(now, 1, zone);
		a.dueAt = WorkingDays.add(now, settings.intValue(category.settingKey()), zone);
		a.createdBy = createdBy;
		a.createdAt = now;
		a.updatedAt = now;
		return a;
	}

	/** SQ-yyyyMMdd-XXXXXXXX: eight random symbols (40 bits), so that a tracking number cannot be guessed. */
	private String trackingNo(Instant now) {
		var sb = new StringBuilder("SQ-").append(LocalDate.ofInstant(now, zone).format(DateTimeFormatter.BASIC_ISO_DATE))
			.append('-');
		for (int i = 0; i < 8; i++) {
			sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return sb.toString();
	}

	private Appeal saveNew(Appeal a) {
		Appeal saved = repository.save(a);
		auditor.record(RECORD, saved.id, "CREATE", saved.trackingNo, Map.of(), saved.auditView());
		return saved;
	}

	private Appeal save(Appeal a, String action, Map<String, Object> before) {
		Appeal saved = repository.save(a);
		auditor.record(RECORD, saved.id, action, saved.trackingNo, before, saved.auditView());
		return saved;
	}

	private Appeal loaded(long id, Integer version) {
		Appeal a = repository.findById(id).orElseThrow(NotFoundException::new);
		if (version == null) {
			throw new FieldException("version", "validation.required");
		}
		if (!version.equals(a.version)) {
			throw new OptimisticLockingFailureException("appeal " + id + " changed");
		}
		return a;
	}

	private Appeal handled(long id, Integer version, CurrentUser user) {
		Appeal a = loaded(id, version);
		if (!mayHandle(a, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		return a;
	}

	private UnitId checkedUnit(Long id, CurrentUser user) {
		UnitId unit = UnitId.of(id);
		if (units.find(unit).isEmpty()) {
			throw new FieldException("assignedUnitId", "validation.unknown");
		}
		if (!bureau(user) && !scopes.of(user).canEdit(unit)) {
			throw new FieldException("assignedUnitId", "appeal.validation.unitOutOfScope");
		}
		return unit;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
