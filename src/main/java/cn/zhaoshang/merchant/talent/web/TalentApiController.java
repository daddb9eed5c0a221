package cn.zhaoshang.merchant.talent.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import cn.zhaoshang.merchant.talent.Talent;
import cn.zhaoshang.merchant.talent.TalentFilter;
import cn.zhaoshang.merchant.talent.TalentForm;
import cn.zhaoshang.merchant.talent.TalentProjects.ProjectRef;
import cn.zhaoshang.merchant.talent.TalentRelation;
import cn.zhaoshang.merchant.talent.TalentWorkbook;
import cn.zhaoshang.merchant.talent.Talents;
import cn.zhaoshang.merchant.talent.TalentQueries;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.merchant.talent.Talents.EnterpriseRef;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Downloads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The talent directory's REST API ({@code /api/v1/talents}, docs/api-talents.md), with the pages' rules: every
 * internal role reads, contacts masked for roles that do not need them; the editing roles write within their unit
 * scope (403 outside it); a stale {@code version} is refused with 409 and changes nothing.
 */
@Tag(name = "Talents")
@RestController
@RequestMapping("/api/v1/talents")
class TalentApiController {


	private final Talents talents;
	private final TalentQueries queries;
	private final TalentWorkbook workbook;

	TalentApiController(Talents talents, TalentQueries queries, TalentWorkbook workbook) {
		this.talents = talents;
		this.queries = queries;
		this.workbook = workbook;
	}

	/** A page of the list: the talents (without links) and the size of the whole filtered set. */
	record TalentList(List<TalentJson> items, long total, int page, int size) {
	}

	/** A talent; {@code enterprises}, {@code projects} and {@code editable} only on the single talent. */
	record TalentJson(long id, String name, List<String> fields, String expertise, String title, String institution,
			String workCity, TalentRelation relation, String relationNote, String level, String phone, String email,
			String wechatId, String remarks, long unitId, String unitName, boolean active, int version,
			Instant createdAt, Instant updatedAt, List<EnterpriseRef> enterprises, List<ProjectJson> projects,
			Boolean editable) {

		static TalentJson of(Talent t, List<EnterpriseRef> enterprises, List<ProjectJson> projects, Boolean editable) {
			return new TalentJson(t.id(), t.name(), t.fields(), t.expertise(), t.title(), t.institution(),
					t.workCity(), t.relation(), t.relationNote(), t.level(), t.phone(), t.email(), t.wechatId(),
					t.remarks(), t.unitId(), t.unitName(), t.active(), t.version(), t.createdAt(), t.updatedAt(),
					enterprises, projects, editable);
		}
	}

	/** A linked project: id, code, name and stage ({@code SIGNED}, ...). */
	@io.swagger.v3.oas.annotations.media.Schema(name = "TalentProject") // one name per type in the OpenAPI document
	record ProjectJson(long id, String code, String name, String stage) {

		static ProjectJson of(ProjectRef p) {
			return new ProjectJson(p.id(), p.code(), p.name(), p.statusKey().substring(p.statusKey().indexOf('.') + 1));
		}
	}

	@GetMapping
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List talents (filtered, one page)", operationId = "listTalents")
	TalentList list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute TalentFilter filter,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		var result = queries.list(filter, user, Math.max(page, 1), PageSizes.forApi(size));
		return new TalentList(result.items().stream().map(t -> TalentJson.of(t, null, null, null)).toList(),
				result.total(), result.page(), result.size());
	}

	@PostMapping
	@PreAuthorize(Security.Rules.TALENT_EDITOR)
	@Operation(summary = "Register a talent", operationId = "createTalent")
	@ApiResponse(responseCode = "201", description = "The talent, registered; `Location` is its address.")
	ResponseEntity<TalentJson> create(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody TalentForm body) {
		long id = talents.create(body, user);
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(one(user, id));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a talent with linked enterprises and projects", operationId = "getTalent")
	TalentJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		Talent t = queries.get(id, user);
		return TalentJson.of(t, queries.enterprisesOf(id),
				queries.projectsOf(id).stream().map(ProjectJson::of).toList(), talents.canEdit(t.unitId(), user));
	}

	/** Replaces the talent's facts and links; {@code version} must be the one read, else 409. */
	@PutMapping("/{id}")
	@PreAuthorize(Security.Rules.TALENT_EDITOR)
	@Operation(summary = "Replace a talent's facts and links", operationId = "updateTalent")
	TalentJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody TalentForm body) {
		talents.update(id, body, user);
		return one(user, id);
	}

	@GetMapping("/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Export the filtered talents as an Excel workbook", operationId = "exportTalents")
	void export(@AuthenticationPrincipal CurrentUser user, @ModelAttribute TalentFilter filter, Locale locale,
			HttpServletResponse response) throws IOException {
		Downloads.xlsx(response, workbook.fileName(locale), workbook.fileName(Locale.ENGLISH));
		workbook.export(filter, user, locale, response.getOutputStream());
	}
}
