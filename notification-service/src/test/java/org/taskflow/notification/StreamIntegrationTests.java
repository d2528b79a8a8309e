package org.taskflow.notification;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

class StreamIntegrationTests extends NotificationIntegrationTests {

	@Test
	void aStreamNeedsATicketAndATicketWorksOnce() {
		Person me = register("Tess");
		assertThat(openStream("/api/notifications/stream").getStatusCode().value()).isEqualTo(401);
		assertThat(openStream("/api/notifications/stream?ticket=made-up").getStatusCode().value()).isEqualTo(401);

		String ticket = streamTicket(me);
		List<ServerSentEvent<String>> events = new CopyOnWriteArrayList<>();
		Disposable stream = stream(this.port, ticket, null).subscribe(events::add);
		try {
			awaitTrue(() -> events.stream().anyMatch((event) -> "connected".equals(event.comment())));
			ResponseEntity<String> reused = openStream("/api/notifications/stream?ticket=" + ticket);
			assertThat(reused.getStatusCode().value()).isEqualTo(401);
			assertThat(body(reused).get("type").asString()).isEqualTo("urn:taskflow:problem:unauthenticated");
			// heartbeats keep an idle stream open (1 s in these tests, 15 s by default)
			awaitTrue(() -> events.stream().anyMatch((event) -> "heartbeat".equals(event.comment())));
		}
		finally {
			stream.dispose();
		}
		assertThat(call(HttpMethod.POST, "/api/notifications/stream-tickets", null).getStatusCode().value())
			.isEqualTo(401);
	}

	@Test
	void aReconnectingStreamGetsWhatItMissedAfterItsLastEventId() {
		Person owner = register("Rolf");
		Person me = register("Rita");
		String first = notificationsOf(me).get(0).getString("_id");
		for (int i = 0; i < 2; i++) {
			String taskId = newTaskId();
			Map<String, Object> data = task(taskId, owner, "Missed " + i, "TODO", List.of(me), null, null, 2, owner);
			data.put("addedAssigneeIds", List.of(me.id()));
			send(taskEvent("TaskAssigned", data));
			int expected = i + 2;
			awaitTrue(() -> notificationsOf(me).size() == expected);
		}

		List<ServerSentEvent<String>> events = new CopyOnWriteArrayList<>();
		Disposable stream = stream(this.port, streamTicket(me), first).subscribe(events::add);
		try {
			awaitTrue(() -> notifications(events).size() == 2);
			assertThat(notifications(events))
				.extracting((event) -> this.json.readTree(event.data()).get("title").asString())
				.containsExactly("Rolf assigned you “Missed 0”", "Rolf assigned you “Missed 1”");
			assertThat(notifications(events)).extracting(ServerSentEvent::id).doesNotContain(first);

			// and then live ones
			String taskId = newTaskId();
			Map<String, Object> data = task(taskId, owner, "Live", "TODO", List.of(me), null, null, 2, owner);
			data.put("addedAssigneeIds", List.of(me.id()));
			send(taskEvent("TaskAssigned", data));
			awaitTrue(() -> notifications(events).size() == 3);
			assertThat(notifications(events).get(2).data()).contains("“Live”");
		}
		finally {
			stream.dispose();
		}
	}

	private static List<ServerSentEvent<String>> notifications(List<ServerSentEvent<String>> events) {
		return events.stream().filter((event) -> "notification".equals(event.event())).toList();
	}

}
