package cn.zhaoshang.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An anonymous visitor reaches the public surfaces (ADR 0016) and nothing internal: the catalog, the appeal form and
 * the tracking page answer, while every internal page redirects to sign-in and every internal API answers 401, also
 * the ones next to the public paths (the internal catalog and appeals).
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicSurfaceAccessTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anonymous_visitors_reach_the_public_pages() throws Exception {
		for (String page : List.of("/catalog", "/appeal", "/appeal/track", "/appeal/track?no=SQ-X")) {
			var response = mvc.perform(get(page)).andReturn().getResponse();
			assertThat(response.getStatus()).as(page).isEqualTo(200);
			assertThat(response.getContentAsString()).as(page).doesNotContain("id=\"mainNav\"");
		}
	}

	@Test
	void anonymous_visitors_reach_nothing_internal() throws Exception {
		for (String page : List.of("/", "/catalog-projects", "/catalog-projects/1", "/catalog-projects/export.xlsx",
				"/appeals", "/appeals/1", "/clues", "/projects", "/catalogx", "/appeal/1", "/appeals/track")) {
			var response = mvc.perform(get(page)).andReturn().getResponse();
			assertThat(response.getStatus()).as(page).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).as(page).endsWith("/login");
		}
		for (String api : List.of("/api/v1/catalog", "/api/v1/catalog/1", "/api/v1/appeals", "/api/v1/appeals/1",
				"/api/v1/clues", "/api/v1/public", "/api/v1/publicx/appeals")) {
			int status = mvc.perform(get(api)).andReturn().getResponse().getStatus();
			assertThat(status).as(api).isIn(401, 404);
		}
		assertThat(mvc.perform(get("/api/v1/catalog")).andReturn().getResponse().getStatus()).isEqualTo(401);
		assertThat(mvc.perform(get("/api/v1/appeals")).andReturn().getResponse().getStatus()).isEqualTo(401);
	}
}
