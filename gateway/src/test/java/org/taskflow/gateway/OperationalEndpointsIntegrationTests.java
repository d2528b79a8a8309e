package org.taskflow.gateway;

import java.util.List;

import org.taskflow.testsupport.IntegrationTest;
import org.taskflow.testsupport.OperationalEndpointsContract;

@IntegrationTest
class OperationalEndpointsIntegrationTests implements OperationalEndpointsContract {

	@Override
	public List<String> healthComponents() {
		return List.of("redis");
	}

}
