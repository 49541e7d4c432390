package nl.meldpunt.portal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The portal, and the internal API contract it compiles against, use only the crypto
 * module's public types: {@code nl.meldpunt.crypto.internal} is the module's own.
 */
class CryptoBoundaryUnitTest {

	@Test
	void cryptoInternalsWhenImportedThenUsedOnlyByTheCryptoModule() {
		JavaClasses classes = new ClassFileImporter().importPackages("nl.meldpunt");
		noClasses().that()
			.resideOutsideOfPackage("nl.meldpunt.crypto..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("nl.meldpunt.crypto.internal..")
			.because("the crypto module's public types are its whole API (docs/CONTRACTS.md section 2)")
			.check(classes);
	}

}
