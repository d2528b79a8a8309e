package org.taskflow.user.profiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * An absolute {@code https} URL with a host and no credentials, short enough to store:
 * what a browser may load as an image without mixed content, and never a
 * {@code javascript:} or {@code data:} URL. {@code null} is valid.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HttpsUrl.Validator.class)
@interface HttpsUrl {

	int MAX_LENGTH = 2048;

	String message() default "must be an https URL of at most " + MAX_LENGTH + " characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<HttpsUrl, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			if (value.length() > MAX_LENGTH || value.chars().anyMatch((c) -> c <= ' ' || c == 0x7f)) {
				return false;
			}
			try {
				URI uri = new URI(value);
				return uri.getScheme() != null && "https".equals(uri.getScheme().toLowerCase(Locale.ROOT))
						&& uri.getHost() != null && !uri.getHost().isEmpty() && uri.getRawUserInfo() == null;
			}
			catch (URISyntaxException ex) {
				return false;
			}
		}

	}

}
