package nl.meldpunt.caseservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The internal case service: it owns the database and the case procedure. Only the
 * reporter portal (over the authenticated internal API) and advisers' browsers talk to
 * it; it never holds a report in plaintext.
 */
@SpringBootApplication
public class CaseServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(CaseServiceApplication.class, args);
	}

}
