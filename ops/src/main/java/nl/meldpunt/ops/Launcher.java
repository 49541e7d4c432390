package nl.meldpunt.ops;

/**
 * Starts the whole system with embedded defaults.
 */
public final class Launcher {

	private Launcher() {
	}

	public static void main(String[] args) {
		System.out.println("Meldpunt launcher");
	}

}
