package org.taskflow.notification;

import org.taskflow.testsupport.KeptAliveConnectionContract;

class KeptAliveConnectionIntegrationTests extends NotificationIntegrationTests implements KeptAliveConnectionContract {

	@Override
	public String protectedPath() {
		return "/api/notifications";
	}

}
