package org.taskflow.user;

import java.util.List;

import org.taskflow.testsupport.OperationalEndpointsContract;

class OperationalEndpointsIntegrationTests extends UserIntegrationTests implements OperationalEndpointsContract {

	/** Ready only once MongoDB answers and the schema migrations are applied. */
	@Override
	public List<String> healthComponents() {
		return List.of("mongo", "migrations");
	}

}
