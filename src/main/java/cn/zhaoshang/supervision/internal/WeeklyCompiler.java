package cn.zhaoshang.supervision.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.activity.OutboundTrips;
import cn.zhaoshang.clue.NewClues;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.Shares;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.CreditShares;
import cn.zhaoshang.project.CreditShares.CreditShare;
import cn.zhaoshang.project.LedgerActivity;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Header;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Item;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Kind;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compiles a week's dynamics from the public read models of the clue and project modules, Monday 00:00 to
 * the next Monday 00:00 in {@code zhaoshang.jobs.zone} (Asia/Shanghai):
 * <ul>
 * <li>new clues: logged in the week, in the section of their owning unit (the city pool's own section);</li>
 * <li>stage moves: applied or approved moves effective in the week (the figures' rule), in the section of each unit
 * holding a credit share of the project on that day;</li>
 * <li>new funds in place: funds rows first recorded in the week (whatever month they book), the amount split over
 * the shares in force on the recording day to the fen;</li>
 * <li>stalled projects: the projects marked stalled when the week is compiled, in each share's unit as of the week's
 * Sunday;</li>
 * <li>leaders going out: the approved outbound trips (clause XV) with a day in the week, in the organising unit's
 * section.</li>
 * </ul>
 * A draft may be compiled again (its lines are replaced); a published week is frozen (409).
 */
@Service
public class WeeklyCompiler {

	private final NewClues clues;
	private final LedgerActivity ledger;
	private final CreditShares shares;
	private final OutboundTrips trips;
	private final WeeklyStore store;
	private final Auditor auditor;
	private final Clock clock;
	private final ZoneId zone;

	WeeklyCompiler(NewClues clues, LedgerActivity ledger, CreditShares shares, OutboundTrips trips, WeeklyStore store,
			Auditor auditor, Clock clock, @Value("${zhaoshang.jobs.zone:Asia/Shanghai}") ZoneId zone) {
		this.clues = clues;
		this.ledger = ledger;
		this.shares = shares;
		this.trips = trips;
		this.store = store;
		this.auditor = auditor;
		this.clock = clock;
		this.zone = zone;
	}

	/** The zone the weeks are counted in. */
	public ZoneId zone() {
		return zone;
	}

	/** The week before today's (what the Monday job compiles). */
	public WeeklyKey lastWeek() {
		return WeeklyKey.of(LocalDate.now(clock.withZone(zone))).previous();
	}

	/**
	 * Compiles the week as the signed-in user (the city bureau): creates the draft or replaces a draft's lines.
	 *
	 * @throws BusinessException 409 {@code supervision.weekly.error.published} when the week is published
	 */
	@Transactional
	public Header compile(WeeklyKey key) {
		Header h = doCompile(key, null);
		auditor.record("weeklyDynamics", h.id(), "COMPILED", key.toString(), Map.of(), Map.of("week", key.toString()));
		return h;
	}

	/** Compiles the week for the job unless it exists already; answers whether it did. */
	@Transactional
	public boolean compileIfAbsent(WeeklyKey key) {
		if (store.header(key).isPresent()) {
			return false;
		}
		Header h = doCompile(key, "system");
		auditor.recordAs("system", null, null, "weeklyDynamics", h.id(), "COMPILED", key.toString(), Map.of(),
				Map.of("week", key.toString()));
		return true;
	}

	private Header doCompile(WeeklyKey key, String actor) {
		store.header(key).filter(Header::published).ifPresent(h -> {
			throw new BusinessException(409, "supervision.weekly.error.published", key.toString());
		});
		String by = actor != null ? actor : currentUser();
		store.saveCompiled(key, items(key), clock.instant(), by);
		return store.header(key).orElseThrow();
	}

	private static String currentUser() {
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? null : auth.getName();
	}

	/** The lines of a week, computed now. */
	List<Item> items(WeeklyKey key) {
		var from = key.start().atStartOfDay(zone).toInstant();
		var to = key.end().plusDays(1).atStartOfDay(zone).toInstant();
		List<Item> items = new ArrayList<>();
		for (var c : clues.loggedBetween(from, to)) {
			items.add(new Item(c.owner() == null ? null : c.owner().value(), Kind.CLUE, c.id().value(), null,
					c.title(), null, null, null, c.status().name(), c.createdAt().atZone(zone).toLocalDate(), null, null,
					null, null));
		}
		for (var m : ledger.movesEffective(key.start(), key.end(), zone)) {
			for (CreditShare s : sharesOn(m.project(), m.unit(), m.effective())) {
				items.add(new Item(s.unit().value(), Kind.MOVE, m.project().value(), m.code(), m.name(),
						m.from().name(), m.to().name(), m.fromStatus().name(), m.toStatus().name(), m.effective(), null,
						null, s.basisPoints(), null));
			}
		}
		for (var f : ledger.fundsRecorded(from, to)) {
			LocalDate day = f.recordedAt().atZone(zone).toLocalDate();
			List<CreditShare> on = sharesOn(f.project(), f.unit(), day);
			Map<Long, BigDecimal> parts = Shares.splitAmount(f.fundsInPlace().setScale(2),
					on.stream().map(CreditShare::share).toList());
			for (CreditShare s : on) {
				items.add(new Item(s.unit().value(), Kind.FUNDS, f.project().value(), f.code(), f.name(), null, null,
						null, null, day, parts.get(s.unit().value()), f.month(), s.basisPoints(), null));
			}
		}
		for (var p : ledger.stalled()) {
			for (CreditShare s : sharesOn(p.project(), p.unit(), key.end())) {
				items.add(new Item(s.unit().value(), Kind.STALLED, p.project().value(), p.code(), p.name(), null, null,
						null, null, null, null, null, s.basisPoints(), p.roundsWithoutProgress()));
			}
		}
		for (var t : trips.approvedBetween(key.start(), key.end())) {
			items.add(Item.trip(t.unitId(), t.id(), t.destination(), t.from(), t.to(), String.join("\n", t.leaders())));
		}
		return items;
	}

	/** The shares in force on the day; a project without any counts wholly to its landing unit. */
	private List<CreditShare> sharesOn(ProjectId project, UnitId landing, LocalDate day) {
		List<CreditShare> on = shares.inForce(project, day);
		return on.isEmpty() ? List.of(new CreditShare(landing, Shares.WHOLE, null, null, true, null)) : on;
	}
}
