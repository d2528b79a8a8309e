package org.taskflow.task;

import java.util.List;

import org.taskflow.testsupport.DeadLetterReplayContract;

class DeadLetterReplayIntegrationTests extends TaskIntegrationTests implements DeadLetterReplayContract {

	@Override
	public List<String> consumedTopics() {
		return List.of("taskflow.user.user-events.v1");
	}

}
