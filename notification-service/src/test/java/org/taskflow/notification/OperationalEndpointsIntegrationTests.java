package org.taskflow.notification;

import java.util.List;

import org.taskflow.testsupport.OperationalEndpointsContract;

class OperationalEndpointsIntegrationTests extends NotificationIntegrationTests
		implements OperationalEndpointsContract {

	@Override
	public List<String> healthComponents() {
		return List.of("mongo", "redis", "mail");
	}

}
