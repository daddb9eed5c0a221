package cn.zhaoshang.supervision.internal;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Header;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Week;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who reads which week: the city bureau and the administrator every week, drafts included; every other internal
 * role only the published weeks, all units' sections (published dynamics are city-wide information). A week not
 * compiled yet, or a draft for a unit user, is not found (404): a read never compiles.
 */
@Service
@Transactional(readOnly = true)
public class WeeklyQueries {

	private final WeeklyStore store;

	WeeklyQueries(WeeklyStore store) {
		this.store = store;
	}

	public static boolean seesDrafts(CurrentUser user) {
		return user.role().isCityWide();
	}

	public Week readable(WeeklyKey key, CurrentUser user) {
		Header h = store.header(key).filter(x -> x.published() || seesDrafts(user)).orElseThrow(NotFoundException::new);
		return store.week(h);
	}

	public Paging<Header> list(CurrentUser user, int page, int size) {
		return store.list(!seesDrafts(user), page, size);
	}
}
