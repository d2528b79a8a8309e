package org.taskflow.user.profiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A well-formed BCP 47 language tag with a language, e.g. {@code en}, {@code de-CH},
 * {@code zh-Hant-TW}. {@code null} is valid.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageTag.Validator.class)
@interface LanguageTag {

	int MAX_LENGTH = 35;

	String message() default "must be a BCP 47 language tag such as en or de-CH";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<LanguageTag, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			if (value.length() > MAX_LENGTH) {
				return false;
			}
			try {
				return !new Locale.Builder().setLanguageTag(value).build().getLanguage().isEmpty();
			}
			catch (IllformedLocaleException ex) {
				return false;
			}
		}

	}

}
