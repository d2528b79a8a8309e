package org.taskflow.user;

import java.util.List;

import org.taskflow.testsupport.DeadLetterReplayContract;

class DeadLetterReplayIntegrationTests extends UserIntegrationTests implements DeadLetterReplayContract {

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public String group() {
		return "user-service";
	}

	@Override
	public List<String> consumedTopics() {
		return List.of(AUTH_TOPIC);
	}

}
