package cn.zhaoshang.merchant;

import static cn.zhaoshang.merchant.MerchantTestData.enterprise;
import static cn.zhaoshang.merchant.MerchantTestData.marker;
import static cn.zhaoshang.merchant.MerchantTestData.uscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import cn.zhaoshang.merchant.internal.MerchantFilter;
import cn.zhaoshang.merchant.internal.MerchantImport;
import cn.zhaoshang.merchant.internal.MerchantRecord;
import cn.zhaoshang.merchant.internal.MerchantRegistry;
import cn.zhaoshang.merchant.internal.MerchantSheet;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportRejected;
import cn.zhaoshang.platform.user.AccountUserDetailsService;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The enterprise import (on H2 and PostgreSQL): all or nothing, every error as row, column header and reason;
 * updates by USCC or exact name; an export imports again without creating or changing anything.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MerchantImportTests {

	static final String[] HEADERS = { "企业名称", "统一社会信用代码", "企业类型", "总部所在地", "产业链", "产业链环节", "企业规模",
			"上市企业", "世界500强", "中国500强", "来源标签", "曾用名及别名", "登记单位", "备注", "联系人" };

	@Autowired
	MerchantImport imports;

	@Autowired
	MerchantSheet sheet;

	@Autowired
	MerchantRegistry registry;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	cn.zhaoshang.chain.Chains chains;

	CurrentUser user(String name) {
		return accounts.loadUserByUsername(name);
	}

	/** A workbook with the template's headers and the given rows (cells in header order, null = blank). */
	static byte[] workbook(String[] headers, String[]... rows) throws IOException {
		try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var s = wb.createSheet("客商");
			var h = s.createRow(0);
			for (int i = 0; i < headers.length; i++) {
				h.createCell(i).setCellValue(headers[i]);
			}
			for (int r = 0; r < rows.length; r++) {
				var row = s.createRow(r + 1);
				for (int i = 0; i < rows[r].length; i++) {
					if (rows[r][i] != null) {
						row.createCell(i).setCellValue(rows[r][i]);
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

	static String[] row(String name, String uscc, String type) {
		return new String[] { name, uscc, type, "河南省濮阳市", "化工、新材料", "聚碳酸酯", "中型", "否", "否", "是", "濮商企业",
				null, "华龙区", null, "张三|总经理|13812345678|zhang@example.cn|zs_wx\n李四|财务总监|0393-8881234||" };
	}

	@Test
	void a_file_with_errors_is_refused_whole_with_every_error_by_row_and_column() throws IOException {
		String m = marker();
		String existing = marker();
		registry.create(enterprise("濮阳市" + existing + "食品有限公司", null, null), user("hualong"));
		byte[] file = workbook(HEADERS,
				row("濮阳市" + m + "化工有限公司", null, "民营"),
				row(marker() + "科技有限公司", "91410900MA46Y3T250", "民营"),
				row(m + "化工（濮阳）有限公司", null, "民营"),
				row(existing + "食品（濮阳）有限公司", null, "民营"),
				row(marker() + "能源有限公司", null, "国企"));

		assertThatThrownBy(() -> imports.execute(file, user("hualong")))
			.isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.errors())
				.extracting(ImportRejected.CellError::row, ImportRejected.CellError::column,
						ImportRejected.CellError::messageKey)
				.containsExactlyInAnyOrder(tuple(3, "统一社会信用代码", "validation.uscc"),
						tuple(4, "企业名称", "merchant.import.repeatedRow"),
						tuple(5, "企业名称", "merchant.import.possibleDuplicate"),
						tuple(6, "企业类型", "merchant.import.unknownWord")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM merchant WHERE name LIKE :n").param("n", "%" + m + "%")
			.query(Long.class).single()).as("nothing saved, not even the valid row").isZero();
	}

	@Test
	void imported_enterprises_export_and_import_again_without_change_and_a_changed_cell_updates_one() throws IOException {
		String m = marker();
		String code = uscc();
		byte[] file = workbook(HEADERS, row(m + "新材料有限公司", code, "民营"), row(m + "供应链有限公司", null, "外资"));

		assertThat(imports.execute(file, user("hualong"))).isEqualTo(cn.zhaoshang.platform.ImportResult.of(2, 0, 0));

		long id = jdbc.sql("SELECT id FROM merchant WHERE uscc = :u").param("u", code).query(Long.class).single();
		MerchantRecord r = registry.get(id);
		assertThat(r.name()).isEqualTo(m + "新材料有限公司");
		assertThat(r.enterpriseType()).isEqualTo(EnterpriseType.PRIVATE);
		assertThat(r.chainIds()).containsExactlyInAnyOrder(chains.findByName("化工").orElseThrow().id().value(),
				chains.findByName("新材料").orElseThrow().id().value());
		assertThat(r.china500()).isTrue();
		assertThat(r.tags()).containsExactly(SourceTag.PUYANG_NATIVE);
		assertThat(r.unitName()).isEqualTo("华龙区");
		assertThat(r.contacts()).extracting(MerchantRecord.Contact::name, MerchantRecord.Contact::phone,
				MerchantRecord.Contact::email)
			.containsExactly(tuple("张三", "13812345678", "zhang@example.cn"), tuple("李四", "0393-8881234", null));

		var out = new ByteArrayOutputStream();
		sheet.export(new MerchantFilter(m, null, null, null, null, null, "name", "asc"), user("hualong"), out);
		byte[] exported = out.toByteArray();
		assertThat(imports.execute(exported, user("hualong"))).isEqualTo(cn.zhaoshang.platform.ImportResult.of(0, 0, 2));

		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(exported)); var changed = new ByteArrayOutputStream()) {
			var s = wb.getSheetAt(0);
			assertThat(s.getRow(0).getCell(3).getStringCellValue()).isEqualTo("总部所在地");
			s.getRow(2).getCell(3).setCellValue("上海市浦东新区");
			wb.write(changed);
			assertThat(imports.execute(changed.toByteArray(), user("hualong")))
				.isEqualTo(cn.zhaoshang.platform.ImportResult.of(0, 1, 1));
		}
		assertThat(registry.get(id).headquarters()).isEqualTo("上海市浦东新区");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM merchant WHERE name LIKE :n").param("n", "%" + m + "%")
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void a_row_with_a_known_uscc_updates_that_enterprise_and_missing_columns_keep_their_values() throws IOException {
		String code = uscc();
		long id = registry.create(enterprise(marker() + "机械有限公司", code, null), user("hualong"));
		String renamed = marker() + "智能装备有限公司";

		var result = imports.execute(workbook(new String[] { "统一社会信用代码", "企业名称", "世界500强" },
				new String[] { code, renamed, "是" }), user("hualong.staff"));

		assertThat(result).isEqualTo(cn.zhaoshang.platform.ImportResult.of(0, 1, 0));
		MerchantRecord r = registry.get(id);
		assertThat(r.name()).isEqualTo(renamed);
		assertThat(r.global500()).isTrue();
		assertThat(r.headquarters()).as("no column, no change").isEqualTo("河南省濮阳市");
		assertThat(r.contacts()).extracting(MerchantRecord.Contact::name).containsExactly("王经理");
	}

	@Test
	void another_units_enterprise_is_not_updated_by_a_unit_import() throws IOException {
		String code = uscc();
		registry.create(enterprise(marker() + "家居有限公司", code, null), user("qingfeng"));

		assertThatThrownBy(() -> imports.execute(workbook(new String[] { "企业名称", "统一社会信用代码" },
				new String[] { marker() + "家居有限公司", code }), user("hualong")))
			.isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.errors())
				.extracting(ImportRejected.CellError::row, ImportRejected.CellError::messageKey)
				.containsExactly(tuple(2, "merchant.import.notEditable")));
	}

	@Test
	void a_sheet_without_the_name_column_or_not_a_workbook_is_refused() throws IOException {
		assertThatThrownBy(() -> imports.execute(workbook(new String[] { "备注" }, new String[] { "x" }),
				user("hualong")))
			.isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.errors())
				.extracting(ImportRejected.CellError::column)
				.containsExactly("企业名称"));
		assertThatThrownBy(() -> imports.execute("not a workbook".getBytes(), user("hualong")))
			.hasMessage("import.notXlsx");
		assertThat(List.of(HEADERS)).hasSize(MerchantSheetColumns.COUNT);
	}

	/** The documented header set has fifteen columns (docs/user-guide.md). */
	static final class MerchantSheetColumns {

		static final int COUNT = 15;

		private MerchantSheetColumns() {
		}
	}
}
