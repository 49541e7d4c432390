package nl.meldpunt.ops;

/**
 * A reason the system cannot start, worded as one sentence for the person at the
 * terminal: what is wrong and how to fix it. The launcher prints it and exits non-zero,
 * without a stack trace.
 */
public final class LaunchFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public LaunchFailure(String sentence) {
		super(sentence, null, false, false);
	}

	public LaunchFailure(String sentence, Throwable cause) {
		super(sentence, cause, false, false);
	}

}
