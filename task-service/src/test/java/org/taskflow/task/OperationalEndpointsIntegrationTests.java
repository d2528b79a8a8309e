package org.taskflow.task;

import java.util.List;

import org.taskflow.testsupport.OperationalEndpointsContract;

class OperationalEndpointsIntegrationTests extends TaskIntegrationTests implements OperationalEndpointsContract {

	@Override
	public List<String> healthComponents() {
		return List.of("mongo", "migrations");
	}

}
