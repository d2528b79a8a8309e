package org.taskflow.user.profiles;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.taskflow.support.web.ApiException;

/**
 * Lookups for the other services (docs/contracts.md), with a {@code client_credentials}
 * token carrying {@code users.read}; the gateway does not route {@code /internal}, and a
 * person's token is refused even if it reached the service.
 */
@Tag(name = "Internal",
		description = "Lookups for the other TaskFlow services (client credentials); not routed by the gateway.")
@RestController
class InternalUsersController {

	static final int MAX_IDS = 100;

	private final ProfileService profiles;

	InternalUsersController(ProfileService profiles) {
		this.profiles = profiles;
	}

	/**
	 * The profiles among {@code ids} that exist, disabled ones with {@code active=false};
	 * unknown and deleted ids are left out.
	 */
	@GetMapping("/internal/users")
	@Operation(summary = "Look people up by id (other TaskFlow services)")
	Flux<InternalUser> users(@RequestParam List<String> ids) {
		Set<String> wanted = new LinkedHashSet<>();
		for (String id : ids) {
			if (!id.isBlank() && id.length() <= 200) {
				wanted.add(id.strip());
			}
		}
		if (wanted.isEmpty() || wanted.size() > MAX_IDS) {
			return Flux.error(new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter",
					"Parameter 'ids' needs 1 to " + MAX_IDS + " ids."));
		}
		return this.profiles.byIds(wanted).map(InternalUser::of);
	}

	record InternalUser(String id, @Nullable String displayName, @Nullable String email, boolean active) {

		static InternalUser of(Profile profile) {
			return new InternalUser(profile.id(), profile.displayName(), profile.email(), profile.active());
		}

	}

}
