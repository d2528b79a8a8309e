package org.taskflow.task;

import org.taskflow.testsupport.KeptAliveConnectionContract;

class KeptAliveConnectionIntegrationTests extends TaskIntegrationTests implements KeptAliveConnectionContract {

	@Override
	public String protectedPath() {
		return "/api/tasks";
	}

}
