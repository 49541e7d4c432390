package nl.meldpunt.caseservice.accounts;

/**
 * Where an account is in its life; only an administrator moves it (and never their own).
 */
public enum AccountStatus {

	/** Signs in, and (adviser, hotline handler) receives cases. */
	ACTIVE,
	/**
	 * Kept as it is but can do nothing: no log-in, no session, no new case, no mail,
	 * until an administrator enables it again.
	 */
	DISABLED,
	/**
	 * Gone for good: credentials, keys, e-mail address and name wiped; the row stays only
	 * so that what refers to its id (audit entries, key envelopes already sealed) still
	 * refers to something.
	 */
	REMOVED

}
