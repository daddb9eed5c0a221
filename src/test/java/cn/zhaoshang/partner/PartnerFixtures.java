package cn.zhaoshang.partner;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.support.Demo;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger steps the partner tests need, through the public API with bearer tokens of the demo accounts: a project
 * introduced by an intermediary, a signed and a commenced move with their evidence, and the city bureau's review.
 */
public class PartnerFixtures {

	final Map<String, String> tokens = new HashMap<>();

	final MockMvc mvc;

	final JsonMapper json;

	final JdbcClient jdbc;

	public PartnerFixtures(MockMvc mvc, JsonMapper json, JdbcClient jdbc) {
		this.mvc = mvc;
		this.json = json;
		this.jdbc = jdbc;
	}

	public ResultActions as(String user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token(user)));
	}

	String token(String user) throws Exception {
		if (!tokens.containsKey(user)) {
			var result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("username", user, "password", "Demo@2026"))))
				.andExpect(status().isOk())
				.andReturn();
			tokens.put(user, JsonPath.read(body(result), "$.token"));
		}
		return tokens.get(user);
	}

	public static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	public String write(Object value) {
		return json.writeValueAsString(value);
	}

	public long unit(String code) {
		return Demo.unit(jdbc, code);
	}

	/**
	 * A new negotiating project of Hualong introduced by the intermediary unit: new materials, its investor
	 * headquartered in Hangzhou (inside the demo agreement of 濮阳市浙江商会: 新材料, 浙江省).
	 */
	public long project(String name, String introducerCode) throws Exception {
		return project(name, introducerCode, "new-materials", "浙江省杭州市");
	}

	/** A new negotiating project of Hualong in the chain, its investor headquartered there (or not recorded). */
	public long project(String name, String introducerCode, String chainCode, String headquarters) throws Exception {
		long id = newProject(name, introducerCode, chainCode);
		jdbc.sql("UPDATE merchant SET headquarters = :hq WHERE id = (SELECT merchant_id FROM project WHERE id = :p)")
			.param("hq", headquarters)
			.param("p", id)
			.update();
		return id;
	}

	long newProject(String name, String introducerCode, String chainCode) throws Exception {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", name);
		body.put("investorName", name + "有限公司");
		body.put("unitId", unit("hualong"));
		body.put("chainId", Demo.chain(jdbc, chainCode));
		body.put("type", "NEW");
		body.put("plannedInvestment", 12000);
		body.put("introUnitId", unit(introducerCode));
		var result = as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isCreated())
			.andReturn();
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}

	public void reviewRequired(String unitCode, boolean on) {
		jdbc.sql("UPDATE unit SET stage_review_required = :on WHERE code = :c").param("on", on).param("c", unitCode)
			.update();
	}

	/** Hualong submits the signing (reviewed): the move's id. */
	public long submitSigned(long project, LocalDate date) throws Exception {
		long contract = upload(pdf("合同.pdf"), "CONTRACT");
		return move(project, Map.of("to", "SIGNED", "date", date.toString(), "contractType", "FORMAL_CONTRACT",
				"contractedInvestment", 12000, "evidenceIds", List.of(contract)));
	}

	/** Hualong submits the commencement with the paid-in investment (万元): the move's id. */
	public long submitCommenced(long project, LocalDate date, int paidIn) throws Exception {
		long permit = upload(pdf("施工许可证.pdf"), null);
		long photo = upload(new MockMultipartFile("file", "现场照片.png", "image/png", png()), null);
		return move(project, Map.of("to", "COMMENCED", "date", date.toString(), "paidInInvestment", paidIn,
				"evidenceIds", List.of(permit, photo), "evidenceKinds",
				Map.of(String.valueOf(permit), "CONSTRUCTION_PERMIT", String.valueOf(photo), "SITE_PHOTO")));
	}

	long move(long project, Map<String, Object> body) throws Exception {
		var result = as("hualong", post("/api/v1/projects/" + project + "/stage-moves")
			.contentType(MediaType.APPLICATION_JSON)
			.content(write(body))).andExpect(status().isCreated()).andExpect(jsonPath("$.applied").value(false))
			.andReturn();
		return ((Number) JsonPath.read(body(result), "$.moveId")).longValue();
	}

	/** The city bureau approves a submitted move. */
	public void approve(long project, long move) throws Exception {
		as("city", post("/api/v1/projects/" + project + "/stage-moves/" + move + "/review")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"approve\":true,\"opinion\":\"ok\"}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("APPROVED"));
	}

	long upload(MockMultipartFile file, String evidenceKind) throws Exception {
		var request = multipart("/api/v1/attachments").file(file);
		if (evidenceKind != null) {
			request.param("evidenceKind", evidenceKind);
		}
		var result = as("hualong", request).andExpect(status().isCreated()).andReturn();
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}

	public static MockMultipartFile pdf(String name) {
		String pdf = """
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
				3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""";
		return new MockMultipartFile("file", name, "application/pdf", pdf.getBytes(StandardCharsets.US_ASCII));
	}

	static byte[] png() throws IOException {
		var img = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
		img.setRGB(2, 3, 0x2E7D32);
		var out = new ByteArrayOutputStream();
		ImageIO.write(img, "png", out);
		return out.toByteArray();
	}
}
