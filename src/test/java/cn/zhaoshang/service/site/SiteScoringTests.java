package cn.zhaoshang.service.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;

import cn.zhaoshang.service.site.SiteScoring.Hall;
import cn.zhaoshang.service.site.SiteScoring.Need;
import cn.zhaoshang.service.site.SiteScoring.Parcel;
import cn.zhaoshang.service.site.SiteScoring.Reason;

import org.junit.jupiter.api.Test;

/** The scoring policy SITE_FIT_2026: each part of the score and its reason. */
class SiteScoringTests {

	static final long UNIT = 7;

	static final long CHAIN = 3;

	static Need land(String mu) {
		return new Need(new BigDecimal(mu), null, CHAIN, UNIT);
	}

	static Parcel parcel(String mu, PlannedUse use, Set<Long> chains, int ready, long unit) {
		return new Parcel(new BigDecimal(mu), use, chains, ready, unit);
	}

	@Test
	void a_parcel_that_fits_suits_the_chain_and_is_fully_serviced_scores_full_marks() {
		var scored = SiteScoring.land(land("100"), parcel("120", PlannedUse.INDUSTRIAL, Set.of(CHAIN), 4, UNIT));
		assertThat(scored.score()).isEqualTo(100);
		assertThat(scored.reasons()).containsExactly(new Reason("site.reason.areaFits", "120", "100"),
				new Reason("site.reason.chainSuits"), new Reason("site.reason.infrastructure", 4),
				new Reason("site.reason.useIndustrial"));
	}

	@Test
	void area_counts_fifty_when_it_covers_the_need_up_to_half_as_large_again_and_less_beyond() {
		assertThat(SiteScoring.land(land("100"), parcel("150", PlannedUse.OTHER, Set.of(99L), 0, UNIT)).score())
			.isEqualTo(50);
		var larger = SiteScoring.land(land("100"), parcel("150.01", PlannedUse.OTHER, Set.of(99L), 0, UNIT));
		assertThat(larger.score()).isEqualTo(35);
		assertThat(larger.reasons()).first().isEqualTo(new Reason("site.reason.areaLarger", "150.01", "100"));
	}

	@Test
	void a_parcel_too_small_scores_in_proportion_up_to_thirty() {
		var half = SiteScoring.land(land("100"), parcel("50", PlannedUse.OTHER, Set.of(99L), 0, UNIT));
		assertThat(half.score()).isEqualTo(15);
		assertThat(half.reasons()).contains(new Reason("site.reason.areaShort", "50", "100"),
				new Reason("site.reason.chainOther"), new Reason("site.reason.useOther"));
	}

	@Test
	void a_parcel_for_any_chain_scores_ten_for_the_chain_and_five_per_infrastructure_item() {
		var scored = SiteScoring.land(land("100"), parcel("100", PlannedUse.WAREHOUSE, Set.of(), 2, UNIT));
		assertThat(scored.score()).isEqualTo(50 + 10 + 10 + 5);
		assertThat(scored.reasons()).contains(new Reason("site.reason.chainAny"),
				new Reason("site.reason.infrastructure", 2));
	}

	@Test
	void a_candidate_in_another_unit_loses_ten_and_says_so() {
		var scored = SiteScoring.land(land("100"), parcel("120", PlannedUse.INDUSTRIAL, Set.of(CHAIN), 4, UNIT + 1));
		assertThat(scored.score()).isEqualTo(90);
		assertThat(scored.reasons()).last().isEqualTo(new Reason("site.reason.otherUnit"));
	}

	@Test
	void factories_score_area_storeys_and_crane() {
		Need need = new Need(null, new BigDecimal("5000"), CHAIN, UNIT);
		var best = SiteScoring.factory(need, new Hall(new BigDecimal("6000"), 1, true, UNIT));
		assertThat(best.score()).isEqualTo(100);
		assertThat(best.reasons()).containsExactly(new Reason("site.reason.areaFits", "6000", "5000"),
				new Reason("site.reason.singleStorey"), new Reason("site.reason.crane"));
		var small = SiteScoring.factory(need, new Hall(new BigDecimal("2500"), 3, false, UNIT));
		assertThat(small.score()).isEqualTo(20 + 5);
		assertThat(small.reasons()).contains(new Reason("site.reason.multiStorey", 3),
				new Reason("site.reason.noCrane"));
	}

	@Test
	void the_score_stays_between_zero_and_one_hundred() {
		var tiny = SiteScoring.factory(new Need(null, new BigDecimal("10000"), null, UNIT),
				new Hall(new BigDecimal("1"), 5, false, UNIT + 1));
		assertThat(tiny.score()).isZero();
	}

	@Test
	void a_need_without_land_or_factory_asks_for_neither() {
		assertThat(new Need(null, BigDecimal.ZERO, CHAIN, UNIT).land()).isFalse();
		assertThat(new Need(null, BigDecimal.ZERO, CHAIN, UNIT).factory()).isFalse();
		assertThat(land("0.5").land()).isTrue();
	}
}
