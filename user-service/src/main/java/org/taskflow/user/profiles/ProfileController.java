package org.taskflow.user.profiles;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.taskflow.support.web.ApiException;

/**
 * {@code /api/users}: a person's own profile, the assignee picker's search, and the
 * administrators' list. The caller is always the token's subject; nobody reads or changes
 * another person's profile here.
 *
 * <p>
 * A profile is created by auth-service's {@code UserRegistered} event, not by the first
 * request: until that event has arrived (normally well under a second after signup) the
 * profile is a 404 {@code profile-not-ready} with {@code Retry-After}. Creating it lazily
 * from the token would give a profile without the email and name only registration knows.
 */
@Tag(name = "Profiles",
		description = "Your profile and preferences, deleting your account, finding people to assign; administrators list everyone.")
@RestController
@RequestMapping("/api/users")
class ProfileController {

	static final int SEARCH_LIMIT = 20;

	private final ProfileService profiles;

	ProfileController(ProfileService profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/me")
	@Operation(summary = "Your profile")
	Mono<ProfileResponse> me(@AuthenticationPrincipal Jwt caller) {
		return this.profiles.own(caller.getSubject()).map(ProfileResponse::of);
	}

	@PatchMapping("/me")
	@Operation(summary = "Change your profile and preferences")
	Mono<ProfileResponse> update(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody ProfilePatch patch) {
		return this.profiles.update(caller.getSubject(), patch).map(ProfileResponse::of);
	}

	/**
	 * Deletes the account: the profile's personal data at once, everything else in every
	 * service when they consume {@code UserDeleted}.
	 */
	@DeleteMapping("/me")
	@Operation(summary = "Delete your account and everything of yours")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@AuthenticationPrincipal Jwt caller) {
		return this.profiles.delete(caller.getSubject());
	}

	/**
	 * Finding an assignee: people whose name starts with {@code q}, or, when {@code q} is
	 * an address (has an {@code @}), the one person with exactly that address. A result
	 * shows what the picker needs and never someone's address, except the one the caller
	 * typed in full: a part of an address finds nobody, so addresses cannot be confirmed
	 * or recovered by probing prefixes.
	 */
	@GetMapping("/search")
	@Operation(summary = "Find people to assign",
			description = "Without '@', q is a prefix of a display name (the whole name or any word of it, case and "
					+ "width folded): up to " + SEARCH_LIMIT + " active people by name, as id, displayName and "
					+ "avatarUrl. With '@', q must be a whole email address: the active person with exactly that "
					+ "address (case-insensitive), whose result also carries that email; a partial address matches "
					+ "nobody. Results never show other addresses.")
	Flux<UserSummary> search(@Parameter(
			description = "2 to 100 characters: a name prefix, or a complete email address") @RequestParam String q) {
		String query = Profile.normalise(q);
		if (query.length() < 2 || query.length() > 100) {
			return Flux.error(new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter",
					"Parameter 'q' needs 2 to 100 characters."));
		}
		if (query.contains("@")) {
			return this.profiles.byEmail(query).map(UserSummary::withEmail).flux();
		}
		return this.profiles.search(query, SEARCH_LIMIT).map(UserSummary::of);
	}

	/**
	 * Every profile, by id, for administrators; {@code cursor} is the {@code nextCursor}
	 * of the previous page.
	 */
	@GetMapping
	@Operation(summary = "List everyone (administrators)")
	Mono<UserPage> list(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.profiles.page((cursor != null) ? Cursor.decode(cursor) : null, size + 1)
			.map(AdminUser::of)
			.collectList()
			.map((users) -> (users.size() > size)
					? new UserPage(users.subList(0, size), Cursor.encode(users.get(size - 1).id()))
					: new UserPage(users, null));
	}

	/**
	 * One person found.
	 *
	 * @param id their user id, to assign them
	 * @param displayName their name
	 * @param avatarUrl their picture, if any
	 * @param email only when the caller searched for exactly this address; absent else
	 */
	record UserSummary(String id, String displayName, @Nullable String avatarUrl,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String email) {

		static UserSummary of(Profile profile) {
			return new UserSummary(profile.id(), String.valueOf(profile.displayName()), profile.avatarUrl(), null);
		}

		static UserSummary withEmail(Profile profile) {
			return new UserSummary(profile.id(), String.valueOf(profile.displayName()), profile.avatarUrl(),
					profile.email());
		}

	}

	record AdminUser(String id, @Nullable String email, @Nullable String displayName, boolean active,
			@Nullable Instant createdAt) {

		static AdminUser of(Profile profile) {
			return new AdminUser(profile.id(), profile.email(), profile.displayName(), profile.active(),
					profile.createdAt());
		}

	}

	record UserPage(List<AdminUser> items, @Nullable String nextCursor) {
	}

	/** Opaque to clients: the last id of a page, base64url. */
	static final class Cursor {

		private Cursor() {
		}

		static String encode(String lastId) {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
		}

		static String decode(String cursor) {
			try {
				String lastId = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				if (lastId.isBlank() || cursor.length() > 400) {
					throw new IllegalArgumentException("empty");
				}
				return lastId;
			}
			catch (IllegalArgumentException ex) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter",
						"Parameter 'cursor' is not a cursor this service issued.");
			}
		}

	}

}
