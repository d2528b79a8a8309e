package org.taskflow.auth;

import java.util.List;
import java.util.Map;

import org.taskflow.testsupport.DeadLetterReplayContract;

class DeadLetterReplayIntegrationTests extends AuthIntegrationTests implements DeadLetterReplayContract {

	@Override
	public List<String> consumedTopics() {
		return List.of("taskflow.user.user-events.v1");
	}

	@Override
	public String administratorToken() {
		String admin = "admin@taskflow.test";
		if (post("/api/auth/login", Map.of("email", admin, "password", PASSWORD)).status() != 200) {
			signup(admin);
		}
		return login(admin).access();
	}

	@Override
	public String userToken() {
		String email = uniqueEmail();
		signup(email);
		return login(email).access();
	}

}
