package cn.zhaoshang.clue.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import cn.zhaoshang.chain.CatalogInquiryReceived;
import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An inquiry on the public promotion-project catalog becomes a clue in the city pool (no owner unit): source ONLINE,
 * credited to the catalog project's unit, chain from the catalog project, the visitor's company (or name) as the
 * enterprise, the message and contact as its notes. Runs in the inquiry's transaction, so both commit together;
 * the clue is audited like every new clue, by no signed-in user.
 */
@Component
class CatalogInquiryClues {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final ClueFacts facts;
	private final UnitDirectory units;
	private final MessageSource messages;
	private final Clock clock;

	CatalogInquiryClues(ClueFacts facts, UnitDirectory units, MessageSource messages, Clock clock) {
		this.facts = facts;
		this.units = units;
		this.messages = messages;
		this.clock = clock;
	}

	@EventListener
	void on(CatalogInquiryReceived inquiry) {
		String enterprise = inquiry.company().isBlank() ? inquiry.name() : inquiry.company();
		String title = cut(messages.getMessage("clue.catalogInquiry.title", new Object[] { inquiry.projectName() },
				CHINESE), 200);
		String notes = cut(messages.getMessage("clue.catalogInquiry.notes",
				new Object[] { inquiry.name(), inquiry.contact(), inquiry.message() }, CHINESE), 4000);
		String credit = units.find(inquiry.unitId()).map(UnitSummary::name).orElse(null);
		var details = new ClueDetails(title, cut(enterprise, 200), null, inquiry.chainId().value(), null, null, null,
				ClueSource.ONLINE, inquiry.unitId().value(), credit, null, null, notes, null);
		Instant now = clock.instant();
		Clue c = Clue.logged(ClueSource.ONLINE, null, null, LocalDate.now(clock), now);
		facts.apply(c, details, now);
		c.credit(ClueSource.ONLINE, inquiry.unitId().value(), credit);
		facts.saveNew(c);
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
