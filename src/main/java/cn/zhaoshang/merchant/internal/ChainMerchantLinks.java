package cn.zhaoshang.merchant.internal;

import java.util.List;
import java.util.Set;

import cn.zhaoshang.chain.ChainEnterpriseMoves;
import cn.zhaoshang.chain.ChainEnterpriseMoves.Kind;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.MerchantLink;
import cn.zhaoshang.merchant.MerchantLinks;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.UnitId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chain's local enterprises and targets in an enterprise merge (issue 13). The chain module sits upstream of
 * merchant and cannot implement {@link MerchantLinks}; it owns the moving ({@link ChainEnterpriseMoves}) and these two
 * kinds hand the merge's calls over to it, so that the merge stores and counts them like every other kind.
 */
@Configuration(proxyBeanMethods = false)
class ChainMerchantLinks {

	@Bean
	MerchantLinks chainLocalMerchantLinks(ChainEnterpriseMoves moves, JdbcClient jdbc) {
		return new ChainKind(Kind.LOCAL, moves, jdbc);
	}

	@Bean
	MerchantLinks chainTargetMerchantLinks(ChainEnterpriseMoves moves, JdbcClient jdbc) {
		return new ChainKind(Kind.TARGET, moves, jdbc);
	}

	/** One kind of chain row; not a card of the enterprise's page (the chain pages show them). */
	record ChainKind(Kind chainKind, ChainEnterpriseMoves moves, JdbcClient jdbc) implements MerchantLinks {

		@Override
		public String kind() {
			return chainKind.key();
		}

		@Override
		public boolean listed() {
			return false;
		}

		@Override
		public List<MerchantLink> linksOf(MerchantId merchant, CurrentUser user, int limit) {
			return List.of();
		}

		@Override
		public Set<UnitId> unitsPursuing(MerchantId merchant) {
			return Set.of();
		}

		@Override
		public List<Long> move(MerchantId from, MerchantId into) {
			return moves.move(chainKind, from.value(), into.value());
		}

		/** Called while the merged-away record still points at the survivor (see {@link MerchantMerges#undo}). */
		@Override
		public void moveBack(List<Long> ids, MerchantId from) {
			jdbc.sql("SELECT merged_into_id FROM merchant WHERE id = :id")
				.param("id", from.value())
				.query(Long.class)
				.optional()
				.ifPresent(survivor -> moves.moveBack(chainKind, ids, from.value(), survivor));
		}
	}
}
