package nl.meldpunt.crypto.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import nl.meldpunt.crypto.CaseKey;
import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.EnvelopeBinding;
import nl.meldpunt.crypto.KdfParameters;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.crypto.RecipientPublicKey;
import nl.meldpunt.crypto.ReporterToken;
import nl.meldpunt.crypto.WrappedPrivateKey;

/**
 * {@code keygen}, {@code seal}, {@code open}, {@code fingerprint}, {@code token}. The
 * passphrase comes from {@code MELDPUNT_PASSPHRASE} and a reporter token from
 * {@code MELDPUNT_TOKEN}, else from the console; never from an argument (arguments end up
 * in shell history and process lists). Exit codes: 0 done, 1 a crypto or file failure
 * (message on stderr), 2 wrong usage.
 */
public final class Cli {

	static final String USAGE = """
			usage: meldpunt-crypto <command> [--option value ...]
			  keygen      --out <wrapped-key-file> [--kdf pbkdf2|argon2id]
			  fingerprint --public-key <base64url>
			  token
			  seal        --public-key <base64url> --organisation <uuid> --case <uuid>
			              --recipient <uuid|reporter> --in <file> --out <sealed-file>
			  open        [--key <wrapped-key-file>] --in <sealed-file> --out <file>
			The passphrase (with --key) is read from MELDPUNT_PASSPHRASE, the reporter token
			(without --key) from MELDPUNT_TOKEN; else each from the console.""";

	private final Map<String, String> environment;

	private final PrintStream out;

	private final PrintStream err;

	public Cli(Map<String, String> environment, PrintStream out, PrintStream err) {
		this.environment = environment;
		this.out = out;
		this.err = err;
	}

	public static void main(String[] args) {
		System.exit(new Cli(System.getenv(), System.out, System.err).run(args));
	}

	public int run(String... args) {
		if (args.length == 0 || args.length % 2 == 0) {
			this.err.println(USAGE);
			return 2;
		}
		Map<String, String> options = new HashMap<>();
		for (int i = 1; i < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		try {
			switch (args[0]) {
				case "keygen" -> keygen(options);
				case "fingerprint" -> this.out
					.println(RecipientPublicKey.fromBytes(base64(option(options, "--public-key"))).fingerprint());
				case "token" -> token();
				case "seal" -> seal(options);
				case "open" -> open(options);
				default -> throw new IllegalArgumentException("unknown command " + args[0]);
			}
			return 0;
		}
		catch (IllegalArgumentException ex) {
			this.err.println(ex.getMessage());
			this.err.println(USAGE);
			return 2;
		}
		catch (CryptoException | IOException ex) {
			this.err.println("failed: " + ex.getMessage());
			return 1;
		}
	}

	private void keygen(Map<String, String> options) throws IOException {
		KdfParameters kdf = switch (options.getOrDefault("--kdf", "pbkdf2")) {
			case "pbkdf2" -> KdfParameters.defaults();
			case "argon2id" -> KdfParameters.Argon2id.recommended();
			default -> throw new IllegalArgumentException("--kdf is pbkdf2 or argon2id");
		};
		RecipientPrivateKey key = RecipientPrivateKey.generate();
		Files.write(Path.of(option(options, "--out")), key.wrap(passphrase(), kdf).wrappedKey().toBytes());
		this.out.println("public key:  " + base64(key.publicKey().toBytes()));
		this.out.println("fingerprint: " + key.publicKey().fingerprint());
	}

	private void token() {
		ReporterToken token = ReporterToken.generate();
		this.out.println("token:              " + token.printable());
		this.out.println("credential hash:    " + token.mailboxCredential().storageHash());
		this.out.println("reporter public key: " + base64(token.reporterKey().publicKey().toBytes()));
	}

	private void seal(Map<String, String> options) throws CryptoException, IOException {
		RecipientPublicKey recipient = RecipientPublicKey.fromBytes(base64(option(options, "--public-key")));
		EnvelopeBinding binding = new EnvelopeBinding(uuid(option(options, "--organisation")),
				uuid(option(options, "--case")), option(options, "--recipient"));
		byte[] content = Files.readAllBytes(Path.of(option(options, "--in")));
		CaseKey caseKey = CaseKey.generate();
		UUID attachmentId = UUID.randomUUID();
		SealedFile file = new SealedFile(binding, attachmentId, recipient.seal(caseKey, binding),
				caseKey.sealAttachment(content, new nl.meldpunt.crypto.AttachmentBinding(binding.organisationId(),
						binding.caseId(), attachmentId)));
		try (OutputStream target = Files.newOutputStream(Path.of(option(options, "--out")))) {
			file.write(target);
		}
	}

	private void open(Map<String, String> options) throws CryptoException, IOException {
		SealedFile file;
		try (InputStream source = Files.newInputStream(Path.of(option(options, "--in")))) {
			file = SealedFile.read(source);
		}
		if (options.containsKey("--token")) {
			throw new IllegalArgumentException("--token is not accepted: set MELDPUNT_TOKEN or type it when asked");
		}
		RecipientPrivateKey key = options.containsKey("--key")
				? WrappedPrivateKey.parse(Files.readAllBytes(Path.of(options.get("--key")))).unwrap(passphrase())
				: ReporterToken.parse(secret("MELDPUNT_TOKEN", "token")).reporterKey();
		CaseKey caseKey = key.open(file.envelope(), file.envelopeBinding());
		Files.write(Path.of(option(options, "--out")), caseKey.openAttachment(file.chunks(), file.attachmentBinding()));
	}

	private String passphrase() {
		return secret("MELDPUNT_PASSPHRASE", "passphrase");
	}

	private String secret(String variable, String what) {
		String fromEnvironment = this.environment.get(variable);
		if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
			return fromEnvironment;
		}
		Console console = System.console();
		if (console == null) {
			throw new IllegalArgumentException("no " + what + ": set " + variable + " or run in a terminal");
		}
		return new String(console.readPassword(what + ": "));
	}

	private static String option(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			throw new IllegalArgumentException("missing " + name);
		}
		return value;
	}

	private static byte[] base64(String value) {
		return Base64.getUrlDecoder().decode(value);
	}

	private static String base64(byte[] value) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private static UUID uuid(String value) {
		return UUID.fromString(value);
	}

}
