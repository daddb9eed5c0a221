package cn.zhaoshang.supervision.internal;

import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.HomeContributor;
import cn.zhaoshang.platform.HomeSection;
import cn.zhaoshang.platform.HomeSection.Figure;
import cn.zhaoshang.platform.HomeSection.Row;

import org.springframework.stereotype.Component;

/**
 * The latest published week on the home page of every internal role: the city's counts (new clues, stage moves, new
 * funds in place, stalled projects) and one line per unit with something that week, linking to the week. A small
 * card added through the home page's contributor interface, so the home template itself is not edited.
 */
@Component
class WeeklyHome implements HomeContributor {

	/** Units listed on the card at most (the rest are on the week's page). */
	static final int ROWS = 12;

	private final WeeklyStore store;

	WeeklyHome(WeeklyStore store) {
		this.store = store;
	}

	@Override
	public List<HomeSection> sections(CurrentUser user) {
		if (!user.role().isInternal()) {
			return List.of();
		}
		return store.latestPublished().map(h -> {
			var week = store.week(h);
			String link = "/supervision/weekly/" + h.week();
			List<Figure> figures = List.of(Figure.count("weekly-clues", "supervision.weekly.home.clues", week.clueCount(), link),
					Figure.count("weekly-moves", "supervision.weekly.home.moves", week.moveCount(), link),
					Figure.amount("weekly-funds", "supervision.weekly.home.funds", week.fundsTotal(), link),
					Figure.count("weekly-stalled", "supervision.weekly.home.stalled", week.stalledCount(), link),
					Figure.count("weekly-trips", "supervision.weekly.home.trips", week.tripCount(), link));
			List<Row> rows = new ArrayList<>();
			rows.add(new Row(h.week(), null, "supervision.weekly.home.span", h.start() + " ~ " + h.end(), link));
			for (var s : week.sections()) {
				if (s.unitId() == null || s.unitName() == null || rows.size() > ROWS) {
					continue;
				}
				if (s.clues().isEmpty() && s.moves().isEmpty() && s.funds().isEmpty() && s.stalled().isEmpty()) {
					continue;
				}
				rows.add(new Row(s.unitName(), null, "supervision.weekly.home.row", s.clues().size() + " / "
						+ s.moves().size() + " / " + s.fundsTotal().toPlainString() + " / " + s.stalled().size(), link));
			}
			return List.of(new HomeSection("weekly", 900, "supervision.weekly.home.title", List.of(), figures, rows,
					"/supervision/weekly"));
		}).orElse(List.of());
	}
}
