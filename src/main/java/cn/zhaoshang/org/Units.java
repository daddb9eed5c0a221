package cn.zhaoshang.org;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.zhaoshang.org.internal.Unit;
import cn.zhaoshang.org.internal.UnitForm;
import cn.zhaoshang.org.internal.UnitRepository;
import cn.zhaoshang.org.internal.UnitRows;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The unit tree: look-ups for every module, and the administrator's use cases. Every write is audited. */
@Service
public class Units implements UnitDirectory {

	private final UnitRepository repository;
	private final UnitRows rows;
	private final Auditor auditor;
	private final Clock clock;

	Units(UnitRepository repository, UnitRows rows, Auditor auditor, Clock clock) {
		this.repository = repository;
		this.rows = rows;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Override
	public Optional<UnitSummary> find(UnitId id) {
		return id == null ? Optional.empty() : rows.byId(id.value()).map(Units::summary);
	}

	@Override
	public List<UnitSummary> all() {
		return rows.all()
			.stream()
			.sorted(Comparator.comparing((Unit u) -> !u.active).thenComparingInt(u -> u.sortOrder)
				.thenComparing(u -> u.name))
			.map(Units::summary)
			.toList();
	}

	@Override
	public Set<UnitId> selfAndDescendants(UnitId id) {
		List<Unit> all = rows.all();
		Set<UnitId> result = new HashSet<>();
		var queue = new ArrayDeque<Long>();
		queue.add(id.value());
		while (!queue.isEmpty()) {
			Long current = queue.poll();
			if (result.add(new UnitId(current))) {
				all.stream().filter(u -> current.equals(u.parentId)).forEach(u -> queue.add(u.id));
			}
		}
		return result;
	}

	/** Whether forward stage moves of the unit's projects need review by the city bureau (a unit setting). */
	public boolean requiresStageReview(UnitId id) {
		return rows.byId(id.value()).map(u -> u.stageReviewRequired).orElse(false);
	}

	public Optional<UnitSummary> findByName(String name) {
		return repository.findByName(name).map(Units::summary);
	}

	/** Every unit as stored, for this module's own pages. */
	public List<Unit> entities() {
		return rows.all();
	}

	public Unit get(long id) {
		return repository.findById(id).orElseThrow(NotFoundException::new);
	}

	@Transactional
	public Unit create(UnitForm form) {
		repository.findByCode(form.code().trim()).ifPresent(u -> {
			throw new FieldException("code", "validation.unique");
		});
		repository.findByName(form.name().trim()).ifPresent(u -> {
			throw new FieldException("name", "validation.unique");
		});
		Unit u = new Unit();
		apply(u, form);
		u.code = form.code().trim();
		u.createdAt = clock.instant();
		u.updatedAt = u.createdAt;
		Unit saved = repository.save(u);
		auditor.record("unit", saved.id, "CREATE", saved.name, java.util.Map.of(), saved.auditView());
		return saved;
	}

	@Transactional
	public Unit update(long id, UnitForm form) {
		Unit u = get(id);
		if (!Objects.equals(u.version, form.version())) {
			throw new OptimisticLockingFailureException("unit " + id + " changed meanwhile");
		}
		repository.findByCode(form.code().trim()).filter(o -> !o.id.equals(id)).ifPresent(o -> {
			throw new FieldException("code", "validation.unique");
		});
		repository.findByName(form.name().trim()).filter(o -> !o.id.equals(id)).ifPresent(o -> {
			throw new FieldException("name", "validation.unique");
		});
		if (form.parentId() != null && selfAndDescendants(new UnitId(id)).contains(new UnitId(form.parentId()))) {
			throw new FieldException("parentId", "validation.unit.parentCycle");
		}
		var before = u.auditView();
		apply(u, form);
		u.code = form.code().trim();
		u.updatedAt = clock.instant();
		Unit saved = repository.save(u);
		auditor.record("unit", saved.id, "UPDATE", saved.name, before, saved.auditView());
		return saved;
	}

	@Transactional
	public void setActive(long id, boolean active, int version) {
		Unit u = get(id);
		if (u.version != version) {
			throw new OptimisticLockingFailureException("unit " + id + " changed meanwhile");
		}
		var before = u.auditView();
		u.active = active;
		u.updatedAt = clock.instant();
		repository.save(u);
		auditor.record("unit", u.id, active ? "ACTIVATE" : "DEACTIVATE", u.name, before, u.auditView());
	}

	private void apply(Unit u, UnitForm form) {
		if (form.parentId() != null && repository.findById(form.parentId()).isEmpty()) {
			throw new FieldException("parentId", "validation.unknown");
		}
		u.name = form.name().trim();
		u.shortName = blankToNull(form.shortName());
		u.type = form.type();
		u.parentId = form.parentId();
		u.region = blankToNull(form.region());
		u.phone = blankToNull(form.phone());
		u.address = blankToNull(form.address());
		u.sortOrder = form.sortOrder() == null ? 0 : form.sortOrder();
		// An unticked checkbox sends nothing: absent means no review.
		u.stageReviewRequired = Boolean.TRUE.equals(form.stageReviewRequired());
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	static UnitSummary summary(Unit u) {
		return new UnitSummary(new UnitId(u.id), u.code, u.name, u.shortName, u.type.name(), UnitId.of(u.parentId),
				u.active);
	}
}
