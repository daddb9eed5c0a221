package cn.zhaoshang.chain.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;

import cn.zhaoshang.chain.CatalogInquiryReceived;
import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.PublicForms;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives a visitor's inquiry on a published catalog project (no account): refuses a filled honeypot, stores the
 * inquiry with the client address, audits it and publishes {@link CatalogInquiryReceived}, on which the clue module
 * logs a clue in the city pool (same transaction: the inquiry and its clue commit together). The rate and size
 * limits ran before (platform's public-form guard).
 */
@Service
public class CatalogInquiries {

	private final CatalogRepository repository;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Auditor auditor;
	private final Clock clock;

	CatalogInquiries(CatalogRepository repository, JdbcClient jdbc, ApplicationEventPublisher events,
			Auditor auditor, Clock clock) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.events = events;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public long receive(long catalogProjectId, InquiryForm form) {
		PublicForms.requireEmptyHoneypot(form.website());
		CatalogProject p = repository.findById(catalogProjectId)
			.filter(c -> c.status() == CatalogStatus.PUBLISHED)
			.orElseThrow(NotFoundException::new);
		Instant now = clock.instant();
		String company = form.company() == null || form.company().isBlank() ? null : form.company().strip();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO catalog_inquiry (catalog_project_id, name, company, contact, message, address, created_at)
				VALUES (:p, :name, :company, :contact, :message, :address, :at)""")
			.param("p", p.id())
			.param("name", form.name().strip())
			.param("company", company)
			.param("contact", form.contact().strip())
			.param("message", form.message().strip())
			.param("address", Auditor.remoteAddress())
			.param("at", Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		var after = new LinkedHashMap<String, Object>();
		after.put("catalogProjectId", p.id());
		after.put("name", form.name().strip());
		if (company != null) {
			after.put("company", company);
		}
		auditor.record("catalogInquiry", id, "CREATE", p.name(), java.util.Map.of(), after);
		events.publishEvent(new CatalogInquiryReceived(id, p.id(), p.name(), new ChainId(p.chainId()), p.unit(),
				form.name().strip(), company == null ? "" : company, form.contact().strip(),
				form.message().strip()));
		return id;
	}

}
