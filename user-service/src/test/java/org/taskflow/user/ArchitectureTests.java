package org.taskflow.user;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import org.taskflow.testsupport.ReactiveArchitecture;

@AnalyzeClasses(packages = "org.taskflow.user", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests reactiveService = ArchTests.in(ReactiveArchitecture.class);

}
