package org.taskflow.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.taskflow.testsupport.ReactiveArchitecture;

@AnalyzeClasses(packages = "org.taskflow.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule neverBlocksAnEventLoop = ReactiveArchitecture.NEVER_BLOCKS_AN_EVENT_LOOP;

	@ArchTest
	static final ArchRule noFieldInjection = ReactiveArchitecture.NO_FIELD_INJECTION;

	@ArchTest
	static final ArchRule noPackageCycles = ReactiveArchitecture.NO_PACKAGE_CYCLES;

}
