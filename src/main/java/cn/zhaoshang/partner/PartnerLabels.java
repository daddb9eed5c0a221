package cn.zhaoshang.partner;

import java.util.List;

import cn.zhaoshang.platform.HistoryLabels;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How partner records' fields read in their history: 状态 已审批 rather than APPROVED, 类别 专家学者 rather than EXPERT,
 * reward rules as the agreement page shows them ({@link RuleHistoryLabels}).
 */
@Configuration(proxyBeanMethods = false)
class PartnerLabels {

	@Bean
	HistoryLabels rewardStatusLabels(MessageSource messages) {
		return HistoryLabels.messages(messages, "partner_reward", List.of("status"), "partner.rewardStatus.");
	}

	@Bean
	HistoryLabels ruleLabels(MessageSource messages) {
		return new RuleHistoryLabels(messages);
	}

	@Bean
	HistoryLabels consultantKindLabels(MessageSource messages) {
		return HistoryLabels.messages(messages, "partner_consultant", List.of("kind"), "partner.consultantKind.");
	}
}
