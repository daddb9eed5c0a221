package cn.zhaoshang.project.internal;

import java.time.Instant;
import java.util.Objects;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonId;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.ProjectPeopleChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The steps creating ({@link CreateProject}) and editing ({@link EditProject}) a project share: the rules on its
 * facts (units in scope, chain, people, the investor found or registered, no second project of the same name for
 * one investor) and the notice that its leader or chief attendant changed.
 */
@Component
class ProjectFacts {

	private final ProjectRepository projects;
	private final Merchants merchants;
	private final Units units;
	private final People people;
	private final Chains chains;
	private final DataScopes scopes;
	private final ApplicationEventPublisher events;
	private final java.time.Clock clock;

	ProjectFacts(ProjectRepository projects, Merchants merchants, Units units, People people, Chains chains,
			DataScopes scopes, ApplicationEventPublisher events, java.time.Clock clock) {
		this.clock = clock;
		this.projects = projects;
		this.merchants = merchants;
		this.units = units;
		this.people = people;
		this.chains = chains;
		this.scopes = scopes;
		this.events = events;
	}

	void apply(Project p, ProjectDetails d, CurrentUser user, Instant now) {
		DataScope scope = scopes.of(user);
		if (d.unitId() == null || units.find(new UnitId(d.unitId())).isEmpty()) {
			throw new FieldException("unitId", "validation.unknown");
		}
		if (!scope.canEdit(new UnitId(d.unitId()))) {
			throw new FieldException("unitId", "validation.project.unitOutOfScope");
		}
		if (d.introUnitId() != null && units.find(new UnitId(d.introUnitId())).isEmpty()) {
			throw new FieldException("introUnitId", "validation.unknown");
		}
		if (d.chainId() == null || chains.find(new ChainId(d.chainId())).isEmpty()) {
			throw new FieldException("chainId", "validation.unknown");
		}
		if (d.negotiationDate() != null && d.negotiationDate().isAfter(java.time.LocalDate.now(clock))) {
			throw new FieldException("negotiationDate", "validation.notFuture");
		}
		String leaderName = personName("leaderId", d.leaderId());
		String attendantName = personName("chiefAttendantId", d.chiefAttendantId());
		var investor = merchants.findOrRegister(d.investorName(), d.investorUscc(), new UnitId(d.unitId()));
		projects.findByNameAndMerchantId(d.name().trim(), investor.id().value())
			.filter(other -> !other.id.equals(p.id))
			.ifPresent(other -> {
				throw new FieldException("name", "validation.project.duplicate", other.code);
			});
		p.edit(d, investor.id().value(), investor.name(), d.leaderId(), leaderName, d.chiefAttendantId(),
				attendantName, now);
		if (d.leaderId() != null || d.chiefAttendantId() != null) {
			p.namesUnmatched = false;
		}
	}

	/** Tells who listens (the notices) that the project's leader or chief attendant was set or changed. */
	void peopleChanged(Project p, Long leaderBefore, Long attendantBefore, CurrentUser user) {
		if (!Objects.equals(leaderBefore, p.leaderId) || !Objects.equals(attendantBefore, p.chiefAttendantId)) {
			events.publishEvent(new ProjectPeopleChanged(p.id(), p.unit(), p.code, p.name, person(leaderBefore),
					person(p.leaderId), person(attendantBefore), person(p.chiefAttendantId), user.getUsername()));
		}
	}

	private static PersonId person(Long id) {
		return id == null ? null : new PersonId(id);
	}

	private String personName(String field, Long id) {
		if (id == null) {
			return null;
		}
		return people.summary(new PersonId(id)).map(People.PersonSummary::name)
			.orElseThrow(() -> new FieldException(field, "validation.unknown"));
	}
}
