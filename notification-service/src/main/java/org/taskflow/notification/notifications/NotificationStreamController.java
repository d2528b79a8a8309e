package org.taskflow.notification.notifications;

import java.security.Principal;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.taskflow.notification.live.LiveProperties;
import org.taskflow.notification.live.LiveUpdates;

/**
 * The signed-in person's notifications as Server-Sent Events: {@code id:} is the
 * notification id, {@code event: notification}, {@code data:} the notification as JSON.
 * The first line is a {@code :connected} comment, sent once the live subscription is in
 * place; then a {@code :heartbeat} comment whenever the stream was idle for the heartbeat
 * interval. A client that reconnects with {@code Last-Event-ID} first gets what it missed
 * from the database (up to 100), then live ones. Authenticated by a bearer token or by a
 * stream ticket (see the security configuration, which also refuses a disabled person). A
 * person's open streams end, on every replica, when their account is disabled.
 */
@RestController
class NotificationStreamController {

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
	Flux<ServerSentEvent<NotificationView>> stream(Principal principal,
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
			Flux<NotificationView> arriving = messages
				.map((message) -> this.json.readValue(message, NotificationView.class))
				.filter((view) -> caughtUp.get() ? !seen.contains(view.id()) : seen.add(view.id()));
			Flux<ServerSentEvent<NotificationView>> events = Flux.merge(missed, arriving)
				.map((view) -> ServerSentEvent.builder(view).id(view.id()).event("notification").build());
			Flux<ServerSentEvent<NotificationView>> heartbeats = Flux
				.interval(this.properties.heartbeat(), this.properties.heartbeat())
				.map((tick) -> ServerSentEvent.<NotificationView>builder().comment("heartbeat").build());
			// the stream ends when the live messages do (the account was disabled)
			return Flux.concat(Flux.just(ServerSentEvent.<NotificationView>builder().comment("connected").build()),
					events.publish((shared) -> Flux.merge(shared, heartbeats.takeUntilOther(shared.then()))));
		});
	}

}
