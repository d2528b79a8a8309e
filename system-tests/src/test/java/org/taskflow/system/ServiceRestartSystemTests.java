package org.taskflow.system;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.taskflow.infra.LocalStack.Service;
import org.taskflow.system.Gateway.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that crashes loses nothing it acknowledged, and the edge says so while it is
 * away.
 */
@ExtendWith(RunningSuite.Extension.class)
class ServiceRestartSystemTests {

	@Test
	void aKilledTaskServiceIsA503ProblemAtTheEdgeAndKeepsWhatItAcknowledgedAfterARestart(RunningSuite suite)
			throws Exception {
		Gateway gateway = suite.gateway();
		Person fay = gateway.signUp("Fay");
		Gateway.Response created = gateway.post("/api/tasks", fay, Map.of("title", "Survive the crash"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.json().get("id").asString();

		suite.stack().kill(Service.TASK);
		try {
			Gateway.Response away = gateway.get("/api/tasks/" + id, fay);
			assertThat(away.status()).as(away.text()).isEqualTo(503);
			assertThat(away.json().get("type").asString()).isEqualTo("urn:taskflow:problem:service-unavailable");
		}
		finally {
			suite.stack().start(Service.TASK);
		}

		Gateway.Response back = gateway.get("/api/tasks/" + id, fay);
		assertThat(back.status()).as(back.text()).isEqualTo(200);
		assertThat(back.json().get("title").asString()).isEqualTo("Survive the crash");
	}

}
