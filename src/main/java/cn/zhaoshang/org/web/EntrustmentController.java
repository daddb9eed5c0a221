package cn.zhaoshang.org.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.zhaoshang.org.Entrustments;
import cn.zhaoshang.org.UnitType;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.org.internal.Unit;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page of an intermediary unit's entrusting units (policy clause XI). Audited. */
@Controller
class EntrustmentController {

	private final Units units;
	private final Entrustments entrustments;
	private final MessageSource messages;

	EntrustmentController(Units units, Entrustments entrustments, MessageSource messages) {
		this.units = units;
		this.entrustments = entrustments;
		this.messages = messages;
	}

	@GetMapping("/org/units/{id}/entrustment")
	@PreAuthorize(Security.Rules.ADMIN)
	String form(@PathVariable long id, Model model) {
		Unit unit = intermediary(id);
		Set<UnitId> chosen = Set.copyOf(entrustments.entrustingUnits(new UnitId(id))
			.stream()
			.map(UnitSummary::id)
			.toList());
		return page(unit, chosen, FormErrors.NONE, model);
	}

	@PostMapping("/org/units/{id}/entrustment")
	@PreAuthorize(Security.Rules.ADMIN)
	String save(@PathVariable long id, @RequestParam(name = "unitIds", required = false) List<Long> unitIds,
			Model model, Locale locale, RedirectAttributes redirect) {
		Unit unit = intermediary(id);
		try {
			entrustments.replace(id, unitIds == null ? Set.of() : Set.copyOf(unitIds));
		}
		catch (FieldException e) {
			Set<UnitId> chosen = unitIds == null ? Set.of()
					: Set.copyOf(unitIds.stream().map(UnitId::new).toList());
			return page(unit, chosen, FormErrors.of(e, messages, locale), model);
		}
		Flash.success(redirect, "flash.entrustmentSaved");
		return "redirect:/org/units/" + id;
	}

	private Unit intermediary(long id) {
		Unit unit = units.get(id);
		if (unit.type != UnitType.INTERMEDIARY) {
			throw new NotFoundException();
		}
		return unit;
	}

	private String page(Unit unit, Set<UnitId> chosen, FormErrors errors, Model model) {
		model.addAttribute("unit", unit);
		model.addAttribute("candidates", units.all()
			.stream()
			.filter(u -> u.active() && !"INTERMEDIARY".equals(u.type()) && !"GOVERNMENT".equals(u.type()))
			.toList());
		model.addAttribute("chosen", chosen);
		model.addAttribute("errors", errors);
		return "org/entrustment";
	}
}
