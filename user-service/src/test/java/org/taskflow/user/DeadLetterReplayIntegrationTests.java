package org.taskflow.user;

import java.util.List;

import org.taskflow.testsupport.DeadLetterReplayContract;

class DeadLetterReplayIntegrationTests extends UserIntegrationTests implements DeadLetterReplayContract {

	@Override
	public List<String> consumedTopics() {
		return List.of(AUTH_TOPIC);
	}

}
