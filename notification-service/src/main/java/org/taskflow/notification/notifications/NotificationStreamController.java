package org.taskflow.notification.notifications;

import java.security.Principal;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.taskflow.notification.live.LiveMessage;
import org.taskflow.notification.live.LiveProperties;
import org.taskflow.notification.live.LiveUpdates;

/**
 * The signed-in person's live stream as Server-Sent Events. Two kinds of event:
 * <ul>
 * <li>{@code event: notification}, {@code id:} the notification id, {@code data:} the
 * notification as JSON;</li>
 * <li>{@code event: task-changed}, {@code data:} {@code {"taskId", "version"}}: a task
 * the person owns or is assigned to, or was until this change, changed (by anyone, the
 * person included: another tab of theirs may show it). Only a hint to fetch the task and
 * the lists again through the API, which decides what the person may see. It has no
 * {@code id:}, so a client's {@code Last-Event-ID} stays the last notification's.</li>
 * </ul>
 * The first line is a {@code :connected} comment, sent once the live subscription is in
 * place; then a {@code :heartbeat} comment whenever the stream was idle for the heartbeat
 * interval. A client that reconnects with {@code Last-Event-ID} first gets the
 * notifications it missed from the database (up to 100), then live ones; task changes it
 * missed are not replayed (a reconnecting client fetches its tasks again). Authenticated
 * by a bearer token or by a stream ticket (see the security configuration, which also
 * refuses a disabled person). A person's open streams end, on every replica, when their
 * account is disabled.
 */
@Tag(name = "Notifications")
@RestController
class NotificationStreamController {

	private static final String NOTIFICATION = "notification";

	private static final String TASK_CHANGED = "task-changed";

	private final LiveUpdates live;

	private final Inbox inbox;

	private final JsonMapper json;

	private final LiveProperties properties;

	NotificationStreamController(LiveUpdates live, Inbox inbox, JsonMapper json, LiveProperties properties) {
		this.live = live;
		this.inbox = inbox;
		this.json = json;
		this.properties = properties;
	}

	@GetMapping(path = "/api/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "The person's live stream",
			description = "Server-Sent Events: `notification` (id: the notification id, data: a NotificationView) and "
					+ "`task-changed` (no id, data: a TaskChanged: a task the person can see, or could until this "
					+ "change, changed; fetch it and the lists again). Opened with a stream ticket "
					+ "(`?ticket=`) or a bearer token; `Last-Event-ID` resumes after a notification.")
	@ApiResponse(responseCode = "200", description = "the stream",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
					schema = @Schema(oneOf = { NotificationView.class, LiveMessage.TaskChanged.class })))
	Flux<ServerSentEvent<Object>> stream(Principal principal,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
		String userId = principal.getName();
		return this.live.subscribe(userId).flatMapMany((messages) -> {
			// Subscribed before the backlog is read, so a notification stored meanwhile
			// comes one way or the other; while catching up, ids seen on either side are
			// remembered so that it comes once.
			boolean resuming = lastEventId != null && !lastEventId.isBlank() && lastEventId.length() <= 100;
			AtomicBoolean caughtUp = new AtomicBoolean(!resuming);
			Set<String> seen = ConcurrentHashMap.newKeySet();
			Flux<NotificationView> missed = resuming ? this.inbox.after(userId, lastEventId)
				.filter((view) -> seen.add(view.id()))
				.doOnTerminate(() -> caughtUp.set(true)) : Flux.empty();
			Flux<ServerSentEvent<Object>> arriving = messages.<ServerSentEvent<Object>>handle((message, sink) -> {
				switch (message) {
					case LiveMessage.Notification notification -> {
						NotificationView view = this.json.readValue(notification.json(), NotificationView.class);
						if (caughtUp.get() ? !seen.contains(view.id()) : seen.add(view.id())) {
							sink.next(notification(view));
						}
					}
					case LiveMessage.TaskChanged change ->
						sink.next(ServerSentEvent.<Object>builder(change).event(TASK_CHANGED).build());
				}
			});
			Flux<ServerSentEvent<Object>> events = Flux.merge(missed.map(NotificationStreamController::notification),
					arriving);
			Flux<ServerSentEvent<Object>> heartbeats = Flux
				.interval(this.properties.heartbeat(), this.properties.heartbeat())
				.map((tick) -> ServerSentEvent.<Object>builder().comment("heartbeat").build());
			// the stream ends when the live messages do (the account was disabled)
			return Flux.concat(Flux.just(ServerSentEvent.<Object>builder().comment("connected").build()),
					events.publish((shared) -> Flux.merge(shared, heartbeats.takeUntilOther(shared.then()))));
		});
	}

	private static ServerSentEvent<Object> notification(NotificationView view) {
		return ServerSentEvent.<Object>builder(view).id(view.id()).event(NOTIFICATION).build();
	}

}
