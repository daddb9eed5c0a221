package cn.zhaoshang.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import cn.zhaoshang.allocation.internal.CandidateScoring.Candidate;
import cn.zhaoshang.allocation.internal.CandidateScoring.Need;
import cn.zhaoshang.allocation.internal.CandidateScoring.Unit;
import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.UnitPositioning;
import cn.zhaoshang.platform.UnitId;

import org.junit.jupiter.api.Test;

/** The scoring of receiving units: positioning primary over secondary, capacity against needs, and load. */
class CandidateScoringTests {

	static final ChainId CHEM = new ChainId(1);
	static final ChainId HOME = new ChainId(3);

	static Unit unit(long id, List<ChainId> primary, List<ChainId> secondary, String land, String factory, long load) {
		return new Unit(new UnitId(id), new UnitPositioning(new UnitId(id), primary, secondary,
				land == null ? null : new BigDecimal(land), factory == null ? null : new BigDecimal(factory), null, 0),
				load);
	}

	@Test
	void primary_beats_secondary_beats_none_and_the_current_unit_is_left_out() {
		var need = new Need(CHEM, new BigDecimal("100"), new BigDecimal("5000"));
		List<Candidate> ranked = CandidateScoring.rank(need, new UnitId(9),
				List.of(unit(1, List.of(), List.of(CHEM), "500", "9000", 0),
						unit(2, List.of(CHEM), List.of(), "500", "9000", 0),
						unit(3, List.of(HOME), List.of(), "500", "9000", 0),
						unit(9, List.of(HOME), List.of(), "500", "9000", 0)));
		assertThat(ranked).extracting(c -> c.unit().value()).containsExactly(2L, 1L, 3L);
		assertThat(ranked.get(0).score()).isEqualTo(CandidateScoring.PRIMARY + CandidateScoring.LAND
				+ CandidateScoring.FACTORY + CandidateScoring.LOAD);
		assertThat(ranked.get(1).score()).isEqualTo(CandidateScoring.SECONDARY + 20 + 15 + 15);
		assertThat(ranked.get(2).score()).isEqualTo(50);
		assertThat(ranked.get(0).reasons()).extracting(CandidateScoring.Reason::key)
			.containsExactly("allocation.reason.primary", "allocation.reason.land.enough",
					"allocation.reason.factory.enough", "allocation.reason.load");
		assertThat(ranked.get(0).reasons().stream().mapToInt(CandidateScoring.Reason::points).sum())
			.isEqualTo(ranked.get(0).score());
	}

	@Test
	void capacity_counts_in_proportion_and_load_lowers_the_score() {
		var need = new Need(CHEM, new BigDecimal("200"), new BigDecimal("10000"));
		List<Candidate> ranked = CandidateScoring.rank(need, null,
				List.of(unit(1, List.of(CHEM), List.of(), "50", null, 10),
						unit(2, List.of(CHEM), List.of(), "200", "10000", 5)));
		assertThat(ranked).extracting(c -> c.unit().value()).containsExactly(2L, 1L);
		Candidate second = ranked.get(1);
		// 50 of 200 mu: 5 of 20 points; no factory floor: 0; the busiest unit: 0 of 15 for load
		assertThat(second.reasons()).extracting(CandidateScoring.Reason::points).containsExactly(50, 5, 0, 0);
		assertThat(second.reasons().get(1).key()).isEqualTo("allocation.reason.land.partly");
		assertThat(second.reasons().get(2).key()).isEqualTo("allocation.reason.factory.none");
		// half the busiest unit's load: 8 of 15 (7.5 rounded half up)
		assertThat(ranked.get(0).reasons().get(3).points()).isEqualTo(8);
	}

	@Test
	void a_project_without_needs_gets_the_capacity_points() {
		var ranked = CandidateScoring.rank(new Need(HOME, null, BigDecimal.ZERO), null,
				List.of(unit(1, List.of(), List.of(HOME), null, null, 0)));
		assertThat(ranked.get(0).reasons()).extracting(CandidateScoring.Reason::key)
			.containsExactly("allocation.reason.secondary", "allocation.reason.land.noNeed",
					"allocation.reason.factory.noNeed", "allocation.reason.load");
		assertThat(ranked.get(0).score()).isEqualTo(30 + 20 + 15 + 15);
	}
}
