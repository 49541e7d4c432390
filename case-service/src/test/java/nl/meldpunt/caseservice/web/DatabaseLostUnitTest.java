package nl.meldpunt.caseservice.web;

import java.sql.SQLException;

import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that dies under a request is a 503 however the failure surfaces: seen in a
 * full build, a rollback on the dead connection replaced the query's
 * {@code DataAccessResourceFailureException} with a {@code JpaSystemException} and the
 * caller got a 500.
 */
class DatabaseLostUnitTest {

	@Test
	void databaseLostWhenRollbackOnAClosedConnectionHidesTheQueryFailureThenTrue() {
		RuntimeException rollback = new JpaSystemException(new TransactionException(
				"Unable to rollback against JDBC Connection", new SQLException("Connection is closed", "08003")));
		assertThat(Problems.databaseLost(rollback)).isTrue();
	}

	@Test
	void databaseLostWhenAnOrdinaryFailureThenFalse() {
		assertThat(Problems.databaseLost(new IllegalStateException("bug"))).isFalse();
		assertThat(Problems
			.databaseLost(new JpaSystemException(new RuntimeException(new SQLException("syntax", "42601"))))).isFalse();
	}

}
