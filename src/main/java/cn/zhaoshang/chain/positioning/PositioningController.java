package cn.zhaoshang.chain.positioning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.chain.Positionings;
import cn.zhaoshang.chain.UnitPositioning;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The positioning pages: every county and zone with its leading chains and capacity, and the form that edits one
 * (the city bureau for all, a unit manager for the own unit).
 */
@Controller
class PositioningController {

	static final String PAGE = "/chains/positioning";

	/** The unit types that declare a positioning: counties/districts and zones. */
	static final List<String> TYPES = List.of("COUNTY", "ZONE");

	private final Positionings positionings;
	private final Chains chains;
	private final UnitDirectory units;
	private final MessageSource messages;

	PositioningController(Positionings positionings, Chains chains, UnitDirectory units, MessageSource messages) {
		this.positionings = positionings;
		this.chains = chains;
		this.units = units;
		this.messages = messages;
	}

	@GetMapping(PAGE)
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long chain, Model model) {
		Map<UnitId, UnitPositioning> all = positionings.withRegisteredCapacity();
		model.addAttribute("registered", positionings.registeredCapacity().stream().map(UnitId::value)
			.collect(java.util.stream.Collectors.toSet()));
		List<PositioningRow> rows = new ArrayList<>();
		for (UnitSummary u : units.all()) {
			UnitPositioning p = all.get(u.id());
			if (!u.active() || (!TYPES.contains(u.type()) && p == null)) {
				continue;
			}
			if (chain != null && (p == null || !p.leads(new cn.zhaoshang.chain.ChainId(chain)))) {
				continue;
			}
			rows.add(new PositioningRow(u, p, positionings.canEdit(u.id(), user)));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("chains", chains.all());
		model.addAttribute("chain", chain);
		return "chain/positioning";
	}

	@GetMapping(PAGE + "/{unitId}")
	@PreAuthorize(PositioningApiController.WRITER)
	String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId, Model model) {
		UnitSummary unit = editable(unitId, user);
		UnitPositioning p = positionings.find(unit.id()).orElse(null);
		PositioningForm form = p == null ? PositioningForm.empty() : PositioningForm.of(p);
		return form(model, unit, form, FormErrors.NONE);
	}

	@PostMapping(PAGE + "/{unitId}")
	@PreAuthorize(PositioningApiController.WRITER)
	String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId,
			@RequestParam(required = false) List<Long> primaryChainIds,
			@RequestParam(required = false) List<Long> secondaryChainIds,
			@RequestParam(required = false) String netLandMu, @RequestParam(required = false) String factoryM2,
			@RequestParam(required = false) String parks, @RequestParam(required = false) Integer version,
			Model model, Locale locale, RedirectAttributes redirect) {
		UnitSummary unit = editable(unitId, user);
		var form = new PositioningForm(primaryChainIds == null ? List.of() : primaryChainIds,
				secondaryChainIds == null ? List.of() : secondaryChainIds, netLandMu, factoryM2, parks, version);
		try {
			positionings.save(unit.id(), new Positionings.Input(form.primaryChainIds(), form.secondaryChainIds(),
					number("netLandMu", netLandMu), number("factoryM2", factoryM2), parks, version), user);
			Flash.success(redirect, "positioning.flash.saved");
			return "redirect:" + PAGE;
		}
		catch (InvalidInputException e) {
			return form(model, unit, form, FormErrors.of(e, messages, locale));
		}
		catch (FieldException e) {
			return form(model, unit, form, FormErrors.of(e, messages, locale));
		}
		catch (OptimisticLockingFailureException e) {
			UnitPositioning current = positionings.find(unit.id()).orElse(null);
			return form(model, unit, form.withVersion(current == null ? null : current.version()),
					FormErrors.NONE.with(Map.of("version", messages.getMessage("error.conflict", null, locale))));
		}
	}

	private static BigDecimal number(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.trim().replace(",", ""));
		}
		catch (NumberFormatException e) {
			throw new FieldException(field, "validation.number");
		}
	}

	private UnitSummary editable(long unitId, CurrentUser user) {
		UnitSummary unit = units.find(new UnitId(unitId)).orElseThrow(NotFoundException::new);
		if (!positionings.canEdit(unit.id(), user)) {
			throw new cn.zhaoshang.platform.BusinessException(403, "error.forbidden");
		}
		return unit;
	}

	private String form(Model model, UnitSummary unit, PositioningForm form, FormErrors errors) {
		model.addAttribute("unit", unit);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		List<Chain> all = chains.all().stream().filter(Chain::active).toList();
		model.addAttribute("chains", all);
		return "chain/positioning-form";
	}

	@Configuration(proxyBeanMethods = false)
	static class Nav {

		@Bean
		NavItem navPositioning() {
			return new NavItem("nav.group.chains", "positioning.nav", PAGE, 700, Role.where(Role::isInternal));
		}
	}
}
