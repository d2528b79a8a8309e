package org.taskflow.gateway.spa;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpaFallbackResolverTests {

	@Test
	void treatsExtensionlessNonServerPathsAsClientRoutes() {
		assertThat(SpaConfiguration.SpaFallbackResolver.isClientRoute("tasks/12/edit")).isTrue();
		assertThat(SpaConfiguration.SpaFallbackResolver.isClientRoute("settings")).isTrue();
	}

	@Test
	void leavesFilesAndServerPathsTo404() {
		assertThat(SpaConfiguration.SpaFallbackResolver.isClientRoute("assets/app-1234.js")).isFalse();
		assertThat(SpaConfiguration.SpaFallbackResolver.isClientRoute("api/tasks")).isFalse();
		assertThat(SpaConfiguration.SpaFallbackResolver.isClientRoute("actuator/env")).isFalse();
		assertThat(SpaConfiguration.SpaFallbackResolver.isClientRoute("v3/api-docs/missing")).isFalse();
	}

}
