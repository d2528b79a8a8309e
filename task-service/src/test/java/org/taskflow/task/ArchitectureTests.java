package org.taskflow.task;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import org.taskflow.testsupport.ReactiveArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.taskflow.task", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests reactiveService = ArchTests.in(ReactiveArchitecture.class);

	/**
	 * The task rules say no with domain exceptions; only the web side (TaskProblems, the
	 * controller) knows which HTTP status and problem that is.
	 */
	@ArchTest
	static final ArchRule taskRulesKnowNothingOfHttp = noClasses().that()
		.haveNameMatching("org\\.taskflow\\.task\\.tasks\\.(Task|TaskException|TaskRequest|TaskService)(\\$.*)?")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.http..", "org.springframework.web..", "org.taskflow.support.web..");

}
