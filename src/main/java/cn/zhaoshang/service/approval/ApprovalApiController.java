package cn.zhaoshang.service.approval;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/projects/{id}/materials} and {@code /api/v1/projects/{id}/approvals}: a project's materials
 * checklist with commitment-based handling, and the approvals handled for it by the agency; the median days per
 * approval kind per unit. Internal roles read the projects of their units; ledger editors write them.
 */
@Tag(name = "Materials and approvals")
@RestController
class ApprovalApiController {

	/** A checklist as the API shows it. */
	record ChecklistJson(long projectId, int version, long submitted, long committed, long done, long overdue,
			List<Materials.Item> items) {

		static ChecklistJson of(Materials.Checklist c) {
			return new ChecklistJson(c.projectId(), c.version(), c.count(MaterialStatus.SUBMITTED),
					c.count(MaterialStatus.MISSING_COMMITTED), c.count(MaterialStatus.DONE), c.overdue(), c.items());
		}
	}

	/** The body of {@code PUT /materials}: every recorded item, replacing what was there. */
	record ChecklistBody(Integer version, List<Materials.ItemInput> items) {
	}

	/** The body of an approval write. */
	record ApprovalBody(ApprovalKind kind, String agency, String agent, LocalDate submitted, Integer limitDays,
			LocalDate approved, String note, Integer version) {

		Approvals.Input input() {
			return new Approvals.Input(kind, agency, agent, submitted, limitDays, approved, note);
		}
	}

	record ApprovalList(long projectId, long overdue, List<Approvals.Approval> items) {
	}

	record MedianList(List<Approvals.Median> items) {
	}

	record StandardList(cn.zhaoshang.project.ProjectType projectType, List<String> items) {
	}

	private final Materials materials;
	private final Approvals approvals;
	private final ApprovalExport export;
	private final MaterialItems standard;

	ApprovalApiController(Materials materials, Approvals approvals, ApprovalExport export, MaterialItems standard) {
		this.standard = standard;
		this.materials = materials;
		this.approvals = approvals;
		this.export = export;
	}

	@GetMapping("/api/v1/projects/{id}/materials")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "A project's materials checklist: standard items of its types and their status",
			operationId = "getProjectMaterials")
	ChecklistJson materials(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return ChecklistJson.of(materials.of(id, user));
	}

	@PutMapping("/api/v1/projects/{id}/materials")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Replace a project's recorded checklist items at the version read",
			operationId = "putProjectMaterials")
	ChecklistJson putMaterials(@PathVariable long id, @RequestBody ChecklistBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return ChecklistJson.of(materials.replace(id, body.version(), body.items(), user));
	}

	@GetMapping("/api/v1/projects/{id}/approvals")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "A project's approvals with due dates and overdue days", operationId = "listProjectApprovals")
	ApprovalList list(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		var items = approvals.of(id, user);
		return new ApprovalList(id, items.stream().filter(Approvals.Approval::overdue).count(), items);
	}

	@PostMapping("/api/v1/projects/{id}/approvals")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record an approval the project needs (kind, agency, submitted, limitDays)",
			operationId = "createProjectApproval")
	Approvals.Approval add(@PathVariable long id, @RequestBody ApprovalBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return approvals.add(id, body.input(), user);
	}

	@PutMapping("/api/v1/projects/{id}/approvals/{approvalId}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Change an approval at the version read, e.g. its approved date",
			operationId = "updateProjectApproval")
	Approvals.Approval update(@PathVariable long id, @PathVariable long approvalId, @RequestBody ApprovalBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return approvals.update(id, approvalId, body.version() == null ? -1 : body.version(), body.input(), user);
	}

	@GetMapping("/api/v1/approvals/medians")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Median days from submitted to approved per approval kind per unit",
			operationId = "approvalMedians")
	MedianList medians(@RequestParam(name = "unitId", required = false) Long unitId,
			@AuthenticationPrincipal CurrentUser user) {
		return new MedianList(approvals.medians(unitId, user));
	}

	@GetMapping("/api/v1/approvals/medians.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "The medians per kind per unit as an Excel workbook", operationId = "exportApprovalMedians")
	void exportMedians(@RequestParam(name = "unitId", required = false) Long unitId,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
		export.write(approvals.medians(unitId, user), user, response);
	}

	@GetMapping("/api/v1/material-checklists/{projectType}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "The standard materials checklist of a project type", operationId = "getMaterialChecklist")
	StandardList standardList(@PathVariable cn.zhaoshang.project.ProjectType projectType) {
		return new StandardList(projectType, standard.of(projectType));
	}

	@PutMapping("/api/v1/material-checklists/{projectType}")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Replace the standard checklist of a project type (city bureau)",
			operationId = "putMaterialChecklist")
	StandardList putStandardList(@PathVariable cn.zhaoshang.project.ProjectType projectType,
			@RequestBody StandardList body) {
		return new StandardList(projectType, standard.replace(projectType, body.items()));
	}
}
