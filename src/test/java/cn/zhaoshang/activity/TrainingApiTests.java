package cn.zhaoshang.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

/**
 * Training through the API on H2 and PostgreSQL, in 2035 (no other test writes that year): two sessions credit
 * their hours to each attendee, a session of 2034 does not count for 2035, the unit report sums its people's hours,
 * the workbook carries the same figures, a unit records only its own sessions, and bad input names its fields.
 */
@SpringBootTest
class TrainingApiTests extends ApiTestSupport {

	ActivityTestData data;

	@BeforeEach
	void setUp() {
		data = new ActivityTestData(mvc, jdbc);
	}

	@Test
	void hours_per_person_per_year_sum_the_sessions_each_attended() throws Exception {
		long hualong = Demo.unit(jdbc, "hualong");
		long zhang = data.person("hualong", "张伟");
		long liu = data.person("hualong", "刘洋");
		long zhou = data.person("city", "周敏");
		create("hualong", Map.of("topic", "新材料产业链招商专题讲座", "kind", "SPECIAL_LECTURE", "lecturer", "李教授",
				"date", "2035-03-10", "hours", 2.5, "unitId", hualong, "attendeeIds", List.of(zhang, liu)));
		create("hualong", Map.of("topic", "招商案例复盘", "kind", "CASE_ANALYSIS", "lecturer", "张伟", "date",
				"2035-09-01", "hours", 1.5, "unitId", hualong, "attendeeIds", List.of(liu)));
		create("city", Map.of("topic", "全市招商干部培训", "kind", "INVITING_IN", "lecturer", "王主任", "date",
				"2035-12-31", "hours", 3, "unitId", Demo.unit(jdbc, "city"), "attendeeIds", List.of(liu, zhou)));
		create("hualong", Map.of("topic", "上一年的培训", "kind", "INTERNAL_LECTURE", "lecturer", "某人", "date",
				"2034-12-31", "hours", 8, "unitId", hualong, "attendeeIds", List.of(zhang, liu)));

		// by hand: 张伟 2.5 (one session), 刘洋 2.5 + 1.5 + 3 = 7.0 (three), 周敏 3.0 (one)
		String hours = ActivityTestData.body(data.as("city", get("/api/v1/training-hours").param("year", "2035"))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(hoursOf(hours, zhang)).isEqualByComparingTo("2.5");
		assertThat(hoursOf(hours, liu)).isEqualByComparingTo("7.0");
		assertThat(hoursOf(hours, zhou)).isEqualByComparingTo("3.0");
		List<Object> sessions = JsonPath.read(hours, "$.items[?(@.personId == " + liu + ")].sessions");
		assertThat(((Number) sessions.get(0)).intValue()).isEqualTo(3);
		String before = ActivityTestData.body(data.as("city", get("/api/v1/training-hours").param("year", "2034"))
			.andReturn());
		assertThat(hoursOf(before, zhang)).isEqualByComparingTo("8.0");

		// a unit's manager sees its own people only; the city bureau sees the city
		String own = ActivityTestData.body(data.as("hualong", get("/api/v1/training-hours").param("year", "2035"))
			.andExpect(status().isOk())
			.andReturn());
		List<Object> units = JsonPath.read(own, "$.items[*].unitId");
		assertThat(units).isNotEmpty().allMatch(u -> ((Number) u).longValue() == hualong);

		// the report per unit: 华龙区 9.5 hours of its three people, 2 trained, 2 sessions organised
		String report = ActivityTestData.body(data.as("city", get("/api/v1/training-report").param("year", "2035"))
			.andExpect(status().isOk())
			.andReturn());
		List<Map<String, Object>> hl = JsonPath.read(report, "$.units[?(@.unitId == " + hualong + ")]");
		assertThat(new BigDecimal(hl.get(0).get("personHours").toString())).isEqualByComparingTo("9.5");
		assertThat(((Number) hl.get(0).get("trained")).intValue()).isEqualTo(2);
		assertThat(((Number) hl.get(0).get("organised")).intValue()).isEqualTo(2);

		byte[] xlsx = data.as("city", get("/api/v1/training-report.xlsx").param("year", "2035"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var people = wb.getSheetAt(1);
			boolean found = false;
			for (var row : people) {
				if (row.getRowNum() > 0 && "刘洋".equals(row.getCell(1).getStringCellValue())) {
					assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(7.0);
					found = true;
				}
			}
			assertThat(found).isTrue();
		}
	}

	@Test
	void a_unit_records_only_its_own_sessions_and_bad_input_names_the_fields() throws Exception {
		data.as("hualong", post("/api/v1/trainings").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("topic", "x", "kind", "GOING_OUT", "lecturer", "y", "date",
					"2035-01-01", "hours", 1, "unitId", Demo.unit(jdbc, "qingfeng")))))
			.andExpect(status().isForbidden());
		data.as("hualong", post("/api/v1/trainings").contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "zh-CN")
			.content(json.writeValueAsString(Map.of("topic", "", "kind", "GOING_OUT", "lecturer", "y", "date",
					"2035-01-01", "hours", 0, "unitId", Demo.unit(jdbc, "hualong"), "attendeeIds",
					List.of(-5)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'topic')].message").value("培训主题：不能为空"))
			.andExpect(jsonPath("$.errors[?(@.field == 'hours')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'attendeeIds')]").exists());
		data.as("agent", get("/api/v1/trainings")).andExpect(status().isForbidden());
	}

	void create(String user, Map<String, Object> body) throws Exception {
		data.as(user, post("/api/v1/trainings").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isCreated());
	}

	static BigDecimal hoursOf(String json, long person) {
		List<Object> found = JsonPath.read(json, "$.items[?(@.personId == " + person + ")].hours");
		assertThat(found).hasSize(1);
		return new BigDecimal(found.get(0).toString());
	}
}
