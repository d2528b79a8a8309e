package org.taskflow.user;

import java.util.List;

import org.taskflow.testsupport.OperationalEndpointsContract;

class OperationalEndpointsIntegrationTests extends UserIntegrationTests implements OperationalEndpointsContract {

	@Override
	public int port() {
		return this.port;
	}

	/** Ready only once MongoDB answers and the schema migrations are applied. */
	@Override
	public List<String> healthComponents() {
		return List.of("mongo", "migrations");
	}

}
