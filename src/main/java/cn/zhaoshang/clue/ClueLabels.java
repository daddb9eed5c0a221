package cn.zhaoshang.clue;

import java.util.List;

import cn.zhaoshang.platform.HistoryLabels;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How a clue's enum fields read in its history: 线索来源 招商活动 rather than EVENT, 状态 跟进中 rather than FOLLOWING. */
@Configuration(proxyBeanMethods = false)
class ClueLabels {

	@Bean
	HistoryLabels clueStatusLabels(MessageSource messages) {
		return HistoryLabels.messages(messages, "clue", List.of("status"), "clueStatus.");
	}

	@Bean
	HistoryLabels clueSourceLabels(MessageSource messages) {
		return HistoryLabels.messages(messages, "clue", List.of("source"), "clueSource.");
	}
}
