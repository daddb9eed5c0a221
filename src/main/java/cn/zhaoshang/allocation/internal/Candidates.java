package cn.zhaoshang.allocation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.allocation.internal.CandidateScoring.Candidate;
import cn.zhaoshang.allocation.internal.Subjects.Subject;
import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.Positionings;
import cn.zhaoshang.chain.UnitPositioning;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitId;

import org.springframework.stereotype.Service;

/** The recommendation of receiving units for a project or clue ({@link CandidateScoring}). */
@Service
public class Candidates {

	/** The answer: whether the subject is outside its unit's positioning and the ranked candidates. */
	public record Result(Subject subject, boolean outsidePositioning, List<Candidate> items) {
	}

	private final Subjects subjects;
	private final Positionings positionings;
	private final DataScopes scopes;

	Candidates(Subjects subjects, Positionings positionings, DataScopes scopes) {
		this.subjects = subjects;
		this.positionings = positionings;
		this.scopes = scopes;
	}

	public Result forProject(long id, CurrentUser user) {
		return of(subjects.project(id).orElseThrow(NotFoundException::new), user);
	}

	public Result forClue(long id, CurrentUser user) {
		return of(subjects.clue(id).orElseThrow(NotFoundException::new), user);
	}

	Result of(Subject s, CurrentUser user) {
		if (s.unitId() != null && !scopes.of(user).canRead(new UnitId(s.unitId()))) {
			throw new NotFoundException();
		}
		// capacity from the units' land and factory registers where they keep one (issue 14)
		Map<UnitId, UnitPositioning> all = positionings.withRegisteredCapacity();
		Map<UnitId, Long> load = subjects.load();
		List<CandidateScoring.Unit> units = new ArrayList<>();
		all.forEach((unit, p) -> units.add(new CandidateScoring.Unit(unit, p, load.getOrDefault(unit, 0L))));
		ChainId chain = s.chainId() == null ? null : new ChainId(s.chainId());
		UnitId current = s.unitId() == null ? null : new UnitId(s.unitId());
		return new Result(s, outside(s, all),
				CandidateScoring.rank(new CandidateScoring.Need(chain, s.landMu(), s.factoryM2()), current, units));
	}

	/**
	 * Whether the project is outside its landing unit's positioning (one query for the project, one for the unit's
	 * positioning), without ranking the candidates: the project page's badge.
	 */
	public boolean outsidePositioning(Subject s) {
		if (s.unitId() == null || s.chainId() == null) {
			return false;
		}
		return positionings.find(new UnitId(s.unitId())).map(p -> !p.leads(new ChainId(s.chainId()))).orElse(false);
	}

	/** Outside positioning: the unit declared a positioning and the chain is not among its leading chains. */
	static boolean outside(Subject s, Map<UnitId, UnitPositioning> all) {
		if (s.unitId() == null || s.chainId() == null) {
			return false;
		}
		UnitPositioning p = all.get(new UnitId(s.unitId()));
		return p != null && !p.leads(new ChainId(s.chainId()));
	}
}
