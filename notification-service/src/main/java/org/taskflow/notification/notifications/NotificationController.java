package org.taskflow.notification.notifications;

import java.security.Principal;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.taskflow.notification.live.StreamTickets;

/** The signed-in person's notifications. */
@Tag(name = "Notifications",
		description = "Your notifications: list, unread count, mark as read, delete; the live stream and its ticket.")
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	private final Inbox inbox;

	private final StreamTickets tickets;

	NotificationController(Inbox inbox, StreamTickets tickets) {
		this.inbox = inbox;
		this.tickets = tickets;
	}

	@GetMapping
	@Operation(summary = "List your notifications, newest first")
	Mono<NotificationPage> list(Principal principal,
			@RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return this.inbox.page(principal.getName(), cursor, limit);
	}

	@GetMapping("/unread-count")
	@Operation(summary = "Count your unread notifications")
	Mono<Map<String, Long>> unreadCount(Principal principal) {
		return this.inbox.unread(principal.getName()).map((count) -> Map.of("count", count));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark a notification as read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> read(Principal principal, @PathVariable String id) {
		return this.inbox.markRead(principal.getName(), id);
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all your notifications as read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> readAll(Principal principal) {
		return this.inbox.markAllRead(principal.getName());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a notification")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(Principal principal, @PathVariable String id) {
		return this.inbox.delete(principal.getName(), id);
	}

	/**
	 * A single-use ticket, valid for a minute, to open the live stream with
	 * {@code GET /api/notifications/stream?ticket=...} (a browser's EventSource cannot
	 * send the bearer token).
	 */
	@PostMapping("/stream-tickets")
	@Operation(summary = "Get a short-lived ticket that opens the live stream")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<StreamTickets.Ticket> streamTicket(Principal principal) {
		return this.tickets.issue(principal.getName());
	}

}
