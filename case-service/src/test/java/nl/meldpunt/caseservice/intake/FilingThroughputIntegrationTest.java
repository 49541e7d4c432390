package nl.meldpunt.caseservice.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A rough measure of filing through the whole server stack (security filter, JSON,
 * validation, ciphertext checks, one transaction) against the embedded PostgreSQL. The
 * request bodies are prepared first, as browsers would have sealed them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FilingThroughputIntegrationTest {

	static final int FILINGS = 1500;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	@Test
	void fileWhenManyInParallelThenAllStoredAndRateReported() throws Exception {
		Org org = new Fixtures(this.jdbc, this.setup).organisation(3);
		ObjectMapper json = new ObjectMapper();
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < FILINGS; i++) {
			Map<String, Object> filing = Fixtures.filing(org, Fixtures.credential(), List.of());
			bodies.add(json.writeValueAsString(filing));
		}
		AtomicInteger created = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (String body : bodies) {
			futures.add(pool.submit(() -> {
				int status = this.mvc
					.perform(post("/internal/v1/organisations/" + org.slug() + "/cases")
						.header("Authorization", "Bearer " + Fixtures.INTERNAL_SECRET)
						.contentType(MediaType.APPLICATION_JSON)
						.content(body))
					.andReturn()
					.getResponse()
					.getStatus();
				if (status == 201) {
					created.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		System.out.printf("FILING THROUGHPUT: %d filings in %.2f s = %.0f/s%n", FILINGS, seconds, FILINGS / seconds);
		assertThat(created.get()).isEqualTo(FILINGS);
		assertThat(this.jdbc.queryForObject("select count(*) from case_file where organisation_id = ?", Integer.class,
				org.id()))
			.isEqualTo(FILINGS);
	}

}
