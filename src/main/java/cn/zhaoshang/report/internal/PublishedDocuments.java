package cn.zhaoshang.report.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.report.DashboardPanel;
import cn.zhaoshang.supervision.Publications;
import cn.zhaoshang.supervision.Publications.Kind;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's latest publications from the supervision publications registry (ADR 0014): monthly
 * notifications and quarterly rankings, newest first. Published documents are city-wide information: every reader
 * of the dashboard sees them.
 */
@Component
class PublishedDocuments implements DashboardPanel {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final Publications publications;
	private final MessageSource messages;

	PublishedDocuments(Publications publications, MessageSource messages) {
		this.publications = publications;
		this.messages = messages;
	}

	@Override
	public List<Publication> latest(CurrentUser user, Locale locale, int limit) {
		List<Publications.Publication> found = new ArrayList<>();
		found.addAll(publications.of(Kind.MONTHLY));
		found.addAll(publications.of(Kind.RANKING));
		return found.stream()
			.sorted(Comparator.comparing(Publications.Publication::publishedAt).reversed())
			.limit(limit)
			.map(p -> new Publication(kind(p.kind(), locale), title(p, locale),
					p.publishedAt().atZone(ZONE).toLocalDate(), p.link()))
			.toList();
	}

	private String kind(Kind kind, Locale locale) {
		return messages.getMessage(kind == Kind.MONTHLY ? "nav.monthly" : "nav.rankings", null, kind.name(), locale);
	}

	private String title(Publications.Publication p, Locale locale) {
		return p.kind() == Kind.RANKING
				? messages.getMessage("ranking.title", new Object[] { p.title() }, p.title(), locale) : p.title();
	}
}
