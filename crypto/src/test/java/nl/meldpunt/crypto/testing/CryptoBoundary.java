package nl.meldpunt.crypto.testing;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The crypto module's boundary as an ArchUnit rule: its public types are its whole API
 * (docs/CONTRACTS.md section 2), {@code nl.meldpunt.crypto.internal} is its own. Every
 * module that uses the crypto module checks its classpath with {@link #check()}.
 */
public final class CryptoBoundary {

	/**
	 * Nothing outside the crypto module depends on {@code nl.meldpunt.crypto.internal}.
	 */
	public static final ArchRule INTERNALS_STAY_INSIDE = noClasses().that()
		.resideOutsideOfPackage("nl.meldpunt.crypto..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("nl.meldpunt.crypto.internal..")
		.because("the crypto module's public types are its whole API (docs/CONTRACTS.md section 2)");

	private CryptoBoundary() {
	}

	/** Checks every Meldpunt class on the caller's classpath, tests included. */
	public static void check() {
		INTERNALS_STAY_INSIDE.check(new ClassFileImporter().importPackages("nl.meldpunt"));
	}

}
