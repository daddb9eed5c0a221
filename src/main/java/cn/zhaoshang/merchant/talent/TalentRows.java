package cn.zhaoshang.merchant.talent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportResult.Outcome;
import cn.zhaoshang.platform.ImportRow;
import cn.zhaoshang.platform.ImportRules;
import cn.zhaoshang.platform.UnitSummary;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The talent import's rules for one import: a row as the form would send it, checked by the form's rules, the
 * references (unit, enterprises, projects) and the user's rights; the same name and institution is the same talent.
 */
final class TalentRows implements ImportRules<TalentRows.Line> {

	/** A row that passed every check: the form, and the talent it updates (null: a new one). */
	record Line(TalentForm form, Long existing) {
	}

	private final ImportColumns columns;
	private final Talents talents;
	private final JdbcClient jdbc;
	private final Validator validator;
	private final CurrentUser user;
	private final Map<String, Long> unitsByName = new HashMap<>();
	private final Map<String, TalentRelation> relations = new HashMap<>();

	TalentRows(ImportColumns columns, Talents talents, List<UnitSummary> units, JdbcClient jdbc, Validator validator,
			Function<TalentRelation, String> relationLabel, CurrentUser user) {
		this.columns = columns;
		this.talents = talents;
		this.jdbc = jdbc;
		this.validator = validator;
		this.user = user;
		UnitSummary.byName(units).forEach((name, id) -> unitsByName.put(name, id.value()));
		for (TalentRelation r : TalentRelation.values()) {
			relations.put(relationLabel.apply(r), r);
			relations.put(r.name(), r);
		}
	}

	@Override
	public ImportColumns columns() {
		return columns;
	}

	@Override
	public int maxRows() {
		return TalentImport.MAX_ROWS;
	}

	@Override
	public Line check(ImportRow row) {
		int before = row.errorCount();
		TalentRelation relation = null;
		if (row.text("relation") != null) {
			relation = relations.get(row.text("relation"));
			if (relation == null) {
				row.refuse("relation", "talent.import.error.relation");
			}
		}
		Long unitId = null;
		if (row.text("unitId") != null) {
			unitId = unitsByName.get(row.text("unitId"));
			if (unitId == null) {
				row.refuse("unitId", "talent.import.error.unknownUnit", row.text("unitId"));
			}
		}
		List<Long> enterpriseIds = new ArrayList<>();
		for (String name : row.list("enterpriseIds")) {
			jdbc.sql("SELECT id FROM merchant WHERE name = :name ORDER BY id").param("name", name).query(Long.class)
				.list().stream().findFirst().ifPresentOrElse(enterpriseIds::add,
						() -> row.refuse("enterpriseIds", "talent.import.error.unknownEnterprise", name));
		}
		List<Long> projectIds = new ArrayList<>();
		for (String entry : row.list("projectIds")) {
			String code = entry.split("\\s+", 2)[0];
			talents.searchProjects(code, 5).stream().filter(p -> p.code().equals(code)).findFirst().ifPresentOrElse(
					p -> projectIds.add(p.id()), () -> row.refuse("projectIds", "talent.import.error.unknownProject", code));
		}
		var form = new TalentForm(row.text("name", ""), row.text("expertise", ""), row.text("title"),
				row.text("institution", ""), row.text("workCity", ""), relation, row.text("relationNote"),
				row.text("level"), row.text("phone"), row.text("email"), row.text("wechatId"), row.text("remarks"),
				unitId, enterpriseIds, projectIds, null);
		for (ConstraintViolation<TalentForm> violation : validator.validate(form)) {
			String field = violation.getPropertyPath().toString();
			if (!(field.equals("relation") && row.text("relation") != null)) {
				row.refuse(field, violation.getMessage());
			}
		}
		return row.errorCount() == before ? checked(row, form) : null;
	}

	/** The form with the existing talent's version, checked against the user's rights. */
	private Line checked(ImportRow row, TalentForm form) {
		Long existing = jdbc.sql("SELECT id FROM talent WHERE name = :name AND institution = :institution ORDER BY id")
			.param("name", form.name().strip())
			.param("institution", form.institution().strip())
			.query(Long.class).list().stream().findFirst().orElse(null);
		if (existing != null) {
			form = new TalentForm(form.name(), form.expertise(), form.title(), form.institution(), form.workCity(),
					form.relation(), form.relationNote(), form.level(), form.phone(), form.email(), form.wechatId(),
					form.remarks(), form.unitId(), form.enterpriseIds(), form.projectIds(),
					talents.get(existing, user).version());
		}
		try {
			talents.checkImport(existing, form, user);
			return new Line(form, existing);
		}
		catch (FieldException e) {
			row.refuse(e.field(), e.messageKey(), e.args());
		}
		catch (BusinessException e) {
			row.refuse(existing != null ? "name" : "unitId",
					existing != null ? "talent.import.error.otherUnit" : "talent.import.error.unitOutOfScope");
		}
		return null;
	}

	@Override
	public List<Object> sameKeys(Line line) {
		return List.of(line.form().name().strip() + "\u0000" + line.form().institution().strip());
	}

	@Override
	public void refuseRepeat(ImportRow row, int firstRow) {
		row.refuse("name", "talent.import.error.duplicateRow", firstRow);
	}

	@Override
	public Outcome write(Line line, ImportRow row) {
		if (line.existing() == null) {
			talents.create(line.form(), user);
			return Outcome.CREATED;
		}
		if (talents.sameAs(line.existing(), line.form(), user)) {
			return Outcome.UNCHANGED;
		}
		talents.update(line.existing(), line.form(), user);
		return Outcome.UPDATED;
	}
}
