package cn.zhaoshang.project.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.clue.ClueId;
import cn.zhaoshang.clue.ClueSummary;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.internal.ConvertClue;
import cn.zhaoshang.project.internal.Project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Converting a confirmed clue into a project: the page action (a short pre-filled form to confirm or adjust name,
 * landing unit, type and planned investment) and {@code POST /api/v1/clues/{id}/conversion}. Here, not in the clue
 * module, because the project module depends on the clue module (STYLE.md).
 */
@Controller
class ClueConversionController {

	private final ConvertClue convert;
	private final ReferenceData reference;
	private final MessageSource messages;

	ClueConversionController(ConvertClue convert, ReferenceData reference, MessageSource messages) {
		this.convert = convert;
		this.reference = reference;
		this.messages = messages;
	}

	@GetMapping("/clues/{id}/conversion")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		ClueSummary c = convert.convertible(new ClueId(id), user);
		return page(user, c, ConvertClue.Parameters.of(c), FormErrors.NONE, model);
	}

	@PostMapping("/clues/{id}/conversion")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String convert(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String name, @RequestParam(required = false) String unitId,
			@RequestParam(required = false) ProjectType type,
			@RequestParam(required = false) String plannedInvestment, Model model, Locale locale,
			RedirectAttributes redirect) {
		ClueSummary c = convert.convertible(new ClueId(id), user);
		BigDecimal planned;
		try {
			planned = plannedInvestment == null || plannedInvestment.isBlank() ? null
					: new BigDecimal(plannedInvestment.trim());
		}
		catch (NumberFormatException e) {
			var p = new ConvertClue.Parameters(c.id(), name, parse(unitId), type, null);
			return page(user, c, p, FormErrors.of(new FieldException("plannedInvestment", "typeMismatch"),
					messages, locale), model);
		}
		var p = new ConvertClue.Parameters(c.id(), name, parse(unitId), type, planned);
		try {
			Project saved = convert.execute(p, user);
			Flash.success(redirect, "ledger.flash.convertedFromClue");
			return "redirect:/projects/" + saved.id().value();
		}
		catch (FieldException e) {
			return page(user, c, p, FormErrors.of(e, messages, locale), model);
		}
		catch (InvalidInputException e) {
			return page(user, c, p, FormErrors.of(e, messages, locale), model);
		}
	}

	/** The API action: 201 with the new project's address, 422 when the clue is not CONFIRMED. */
	@PostMapping("/api/v1/clues/{id}/conversion")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@ResponseBody
	@Operation(summary = "Convert a confirmed clue into a negotiating project", operationId = "convertClue",
			tags = "Clues")
	@ApiResponse(responseCode = "201", description = "The new project; `Location` is its address.")
	ResponseEntity<ConversionJson> convertApi(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) ConversionBody body) {
		ClueSummary c = convert.convertible(new ClueId(id), user);
		var defaults = ConvertClue.Parameters.of(c);
		var b = body == null ? new ConversionBody(null, null, null, null) : body;
		var p = new ConvertClue.Parameters(c.id(), b.name() == null ? defaults.name() : b.name(),
				b.unitId() == null ? defaults.unitId() : b.unitId(), b.type() == null ? defaults.type() : b.type(),
				b.plannedInvestment() == null ? defaults.plannedInvestment() : b.plannedInvestment());
		Project saved = convert.execute(p, user);
		var location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/v1/projects/{id}")
			.buildAndExpand(saved.id().value())
			.toUri();
		return ResponseEntity.created(location)
			.body(new ConversionJson(id, saved.id().value(), saved.code(), saved.stage().name()));
	}

	record ConversionBody(String name, Long unitId, ProjectType type, BigDecimal plannedInvestment) {
	}

	record ConversionJson(long clueId, long projectId, String projectCode, String stage) {
	}

	private String page(CurrentUser user, ClueSummary c, ConvertClue.Parameters p, FormErrors errors, Model model) {
		model.addAttribute("clue", c);
		model.addAttribute("form", p);
		model.addAttribute("errors", errors);
		model.addAttribute("units", reference.editableUnits(user, p.unitId()));
		model.addAttribute("types", List.of(ProjectType.values()));
		return "project/convert";
	}

	private static Long parse(String value) {
		try {
			return value == null || value.isBlank() ? null : Long.valueOf(value.trim());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
