/**
 * Real infrastructure for integration tests. {@link TestInfrastructure#shared()} decides
 * once per JVM: containers when a Docker engine answers, the embedded servers of
 * {@code local-infra} otherwise ({@code TASKFLOW_TEST_INFRA=containers|embedded} forces
 * one). Services' tests see the same properties either way, so the same tests run on
 * both.
 */
@NullMarked
package org.taskflow.testsupport;

import org.jspecify.annotations.NullMarked;
