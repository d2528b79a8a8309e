package org.taskflow.user;

import org.taskflow.testsupport.KeptAliveConnectionContract;

class KeptAliveConnectionIntegrationTests extends UserIntegrationTests implements KeptAliveConnectionContract {

	@Override
	public String protectedPath() {
		return "/api/users/search?q=ab";
	}

}
