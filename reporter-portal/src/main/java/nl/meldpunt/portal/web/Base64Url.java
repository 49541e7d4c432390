package nl.meldpunt.portal.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text that is base64url without padding (docs/CONTRACTS.md section 1) and decodes to
 * between {@code minBytes} and {@code maxBytes} bytes. {@code null} is left to
 * {@code @NotNull}.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Base64Url.Validator.class)
public @interface Base64Url {

	String message() default "not base64url of the expected length";

	int minBytes() default 1;

	int maxBytes() default Integer.MAX_VALUE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks the alphabet and the decoded length without allocating the decoded bytes.
	 */
	class Validator implements ConstraintValidator<Base64Url, String> {

		private int minBytes;

		private int maxBytes;

		@Override
		public void initialize(Base64Url constraint) {
			this.minBytes = constraint.minBytes();
			this.maxBytes = constraint.maxBytes();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			long bytes = decodedLength(value);
			return bytes >= this.minBytes && bytes <= this.maxBytes;
		}

		/** Decoded length of unpadded base64url text, or -1 when it is not such text. */
		public static long decodedLength(String value) {
			int length = value.length();
			if (length % 4 == 1) {
				return -1;
			}
			for (int i = 0; i < length; i++) {
				char c = value.charAt(i);
				boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
						|| c == '_';
				if (!ok) {
					return -1;
				}
			}
			return (length / 4) * 3L + Math.max(0, (length % 4) - 1);
		}

	}

}
