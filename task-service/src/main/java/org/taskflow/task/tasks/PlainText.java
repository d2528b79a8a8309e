package org.taskflow.task.tasks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * Text people read elsewhere (lists, notifications, emails): no control characters, no
 * unpaired surrogates (they cannot be encoded as UTF-8 and break consumers' parsers), and
 * none of the bidirectional embedding, override and isolate controls (U+202A..U+202E,
 * U+2066..U+2069) that make a title read differently from what it is, e.g. in an email
 * subject. Such text is refused rather than cleaned: silently changing what a person
 * typed would store something they never saw, and a client that sends it is better told.
 * {@code lineBreaks} allows tab, line feed and carriage return, for multi-line text.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
@interface PlainText {

	String message() default "must not contain control characters, unpaired surrogates or bidirectional overrides";

	boolean lineBreaks() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PlainText, String> {

		private boolean lineBreaks;

		@Override
		public void initialize(PlainText annotation) {
			this.lineBreaks = annotation.lineBreaks();
		}

		@Override
		public boolean isValid(@Nullable String text, ConstraintValidatorContext context) {
			return text == null || isPlain(text, this.lineBreaks);
		}

		static boolean isPlain(String text, boolean lineBreaks) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else if (Character.isSurrogate(c) || isBidiControl(c)
						|| (Character.isISOControl(c) && !(lineBreaks && (c == '\t' || c == '\n' || c == '\r')))) {
					return false;
				}
			}
			return true;
		}

		private static boolean isBidiControl(char c) {
			return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
		}

	}

}
