package org.taskflow.auth.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.taskflow.auth.throttle.Source;

/** Sign-up, who am I, password change, and the admin's view of accounts. */
@Tag(name = "Accounts",
		description = "Sign up, who you are, change your password; administrators list and disable accounts.")
@RestController
@RequestMapping("/api/auth")
class AccountController {

	private final AccountService accounts;

	AccountController(AccountService accounts) {
		this.accounts = accounts;
	}

	/**
	 * {@code 202 Accepted} and the same body whether the address was free or already has
	 * an account (whose owner is then told by email), so sign-up does not reveal who has
	 * an account. A new account can log in at once.
	 */
	@PostMapping("/signup")
	@Operation(summary = "Sign up")
	ResponseEntity<SignupAccepted> signup(@Valid @RequestBody SignupRequest request) {
		this.accounts.signup(request.email(), request.password(), request.displayName());
		return ResponseEntity.accepted().body(new SignupAccepted(request.email().strip()));
	}

	@GetMapping("/me")
	@Operation(summary = "Your account")
	AccountView me(@AuthenticationPrincipal Jwt token) {
		return AccountView.of(this.accounts.get(token.getSubject()));
	}

	@PostMapping("/password")
	@Operation(summary = "Change your password")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody ChangePasswordRequest request, HttpServletRequest http) {
		this.accounts.changePassword(token.getSubject(), request.currentPassword(), request.newPassword(),
				token.getClaimAsString("sid"), Source.of(http));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/admin/users")
	@Operation(summary = "List accounts (administrators)")
	AccountPage users(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return new AccountPage(this.accounts.list(page, size).stream().map(AccountView::of).toList(), page, size,
				this.accounts.count());
	}

	@PostMapping("/admin/users/{id}/disable")
	@Operation(summary = "Disable an account (administrators)")
	ResponseEntity<Void> disable(@PathVariable String id) {
		this.accounts.disable(id);
		return ResponseEntity.noContent().build();
	}

	record SignupRequest(@NotBlank @Email @Size(max = 254) String email,
			@NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) String password,
			@NotBlank @Size(max = 100) String displayName) {
	}

	/**
	 * @param email the address signed up with, as given
	 */
	record SignupAccepted(String email) {
	}

	record ChangePasswordRequest(@NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) String currentPassword,
			@NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) String newPassword) {
	}

	record AccountView(String id, String email, String displayName, Set<Account.Role> roles, Account.Status status,
			Instant createdAt) {

		static AccountView of(Account account) {
			return new AccountView(account.id(), account.email(), account.displayName(), account.roles(),
					account.status(), account.createdAt());
		}

	}

	record AccountPage(List<AccountView> items, int page, int size, long total) {
	}

}
