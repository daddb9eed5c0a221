package cn.zhaoshang.supervision.internal;

import java.util.List;

import cn.zhaoshang.supervision.RankingHistory;

import org.springframework.stereotype.Component;

/**
 * Stand-in until the quarterly rankings land: no ranking has been published. The integrator deletes this class when
 * the real {@link RankingHistory} arrives.
 */
@Component
class NoRankingsYet implements RankingHistory {

	@Override
	public List<QuarterRanking> ofYear(int year) {
		return List.of();
	}
}
