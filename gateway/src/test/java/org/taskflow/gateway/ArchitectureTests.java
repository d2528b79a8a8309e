package org.taskflow.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import org.taskflow.testsupport.ReactiveArchitecture;

/**
 * The gateway's structural rules: those of every reactive service (reactive all the way,
 * no field injection, no cycles).
 */
@AnalyzeClasses(packages = "org.taskflow.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests reactiveService = ArchTests.in(ReactiveArchitecture.class);

}
