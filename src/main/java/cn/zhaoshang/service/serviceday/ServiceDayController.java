package cn.zhaoshang.service.serviceday;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.web.Downloads;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The enterprise service days' pages: the list (a year, a unit, a search in titles, leaders and enterprises; newest
 * first; export) and a day's page with its leaders, enterprises and the problems collected with their owners.
 */
@Controller
class ServiceDayController {

	static final String PAGE = "/service-days";

	private final ServiceDays days;
	private final ServiceDayExport export;
	private final UnitDirectory units;

	ServiceDayController(ServiceDays days, ServiceDayExport export, UnitDirectory units) {
		this.days = days;
		this.export = export;
		this.units = units;
	}

	@Bean
	static NavItem navServiceDays() {
		return new NavItem("nav.group.merchants", "serviceDay.nav", PAGE, 216, Role.where(Role::isInternal));
	}

	List<ServiceDays.Day> list(ServiceDayFilter f, CurrentUser user) {
		return days.list(f.year(), user).stream().filter(f::keeps).toList();
	}

	@GetMapping(PAGE)
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String year,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String q, Model model) {
		ServiceDayFilter f = ServiceDayFilter.of(year, unit, q);
		model.addAttribute("filter", f);
		model.addAttribute("days", list(f, user));
		model.addAttribute("units", units.all().stream().filter(UnitSummary::active).toList());
		return "service/service-days";
	}

	@GetMapping(PAGE + "/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String year,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String q, Locale locale,
			HttpServletResponse response) throws IOException {
		Downloads.xlsx(response, export.fileName(locale), export.fileName(Locale.ENGLISH));
		export.write(list(ServiceDayFilter.of(year, unit, q), user), response.getOutputStream());
	}

	@GetMapping(PAGE + "/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String day(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("day", days.get(id, user));
		return "service/service-day";
	}
}
