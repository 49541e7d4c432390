package nl.meldpunt.caseservice.accounts;

import java.security.SecureRandom;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import nl.meldpunt.crypto.KdfParameters;
import nl.meldpunt.crypto.WrappedPrivateKey;

/**
 * The KDF header served for an e-mail address without an enrolled account: deterministic
 * per address (from a secret every instance reads from the database), shaped like a real
 * one, so {@code /login/key} does not tell whether an account exists.
 */
@Component
class LoginDecoys {

	/** What browsers use for new enrolments (CONTRACTS.md section 2). */
	static final KdfParameters ENROLMENT_KDF = new KdfParameters.Pbkdf2(KdfParameters.Pbkdf2.MIN_ITERATIONS);

	private final JdbcTemplate jdbc;

	private volatile byte[] secret;

	LoginDecoys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	byte[] header(String email) {
		return WrappedPrivateKey.decoyKdfHeader(secret(), email, ENROLMENT_KDF);
	}

	private byte[] secret() {
		byte[] secret = this.secret;
		if (secret == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			this.jdbc.update("insert into server_secret (name, value) values ('login-decoy', ?) on conflict do nothing",
					(Object) fresh);
			secret = this.jdbc.queryForObject("select value from server_secret where name = 'login-decoy'",
					byte[].class);
			this.secret = secret;
		}
		return secret;
	}

}
