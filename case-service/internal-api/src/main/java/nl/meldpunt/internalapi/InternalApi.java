package nl.meldpunt.internalapi;

/**
 * Where the internal API lives and how it names things (docs/CONTRACTS.md section 3).
 */
public final class InternalApi {

	/** Base path of every call. */
	public static final String BASE_PATH = "/internal/v1";

	/** Header that carries the reporter's mailbox credential (base64url of 32 bytes). */
	public static final String CREDENTIAL_HEADER = "X-Mailbox-Credential";

	/** Every refusal's {@code type} is this prefix plus a stable slug. */
	public static final String PROBLEM_TYPE_PREFIX = "https://meldpunt.nl/problems/";

	private InternalApi() {
	}

}
