package cn.zhaoshang.service;

import java.util.List;

import cn.zhaoshang.merchant.MergedMerchantLinks;
import cn.zhaoshang.merchant.MerchantLinks;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.DataScopes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The enterprise-service records that follow an enterprise merge and go back exactly when it is undone (issue 13,
 * see {@link MergedMerchantLinks}): the enterprises of service days (one link per day: a day that had both keeps
 * one), the problems collected on them (each problem on its own; the day is versioned and audited) and the appeals
 * that name an enterprise (filed inside or through the public appeal form). The service days an enterprise took part
 * in are a card of its page for the users whose data scope reads the day's unit.
 */
@Configuration(proxyBeanMethods = false)
class ServiceMerchantLinks {

	static final String SERVICE_DAY = "serviceDay";

	@Bean
	MerchantLinks serviceDayMerchantLinks(JdbcClient jdbc, Auditor auditor, DataScopes scopes) {
		return new MergedMerchantLinks(jdbc, auditor, MergedMerchantLinks.Spec.table(SERVICE_DAY, SERVICE_DAY,
				"service_day", "title", "service_day_enterprise", "day_id", null, List.of(), null)
			.listed("""
					SELECT d.id, d.title, CASE WHEN EXISTS (SELECT 1 FROM service_day_problem p
					  WHERE p.day_id = d.id AND p.merchant_id = :merchant) THEN 'PROBLEM' ELSE 'ATTENDED' END,
					  d.unit_id, d.day_date
					FROM service_day_enterprise e JOIN service_day d ON d.id = e.day_id
					WHERE e.merchant_id = :merchant ORDER BY d.day_date DESC, d.id DESC LIMIT :limit""",
					"serviceDay.role.", "/service-days/"),
				(user, unit) -> scopes.of(user).canRead(unit));
	}

	@Bean
	MerchantLinks serviceProblemMerchantLinks(JdbcClient jdbc, Auditor auditor) {
		return new MergedMerchantLinks(jdbc, auditor, MergedMerchantLinks.Spec.ownedRows("serviceProblem",
				SERVICE_DAY, "service_day", "title", "service_day_problem", "day_id"));
	}

	@Bean
	MerchantLinks appealMerchantLinks(JdbcClient jdbc, Auditor auditor) {
		return new MergedMerchantLinks(jdbc, auditor, MergedMerchantLinks.Spec.column("appeal", "appeal", "appeal",
				"tracking_no", "merchant_id"));
	}
}
