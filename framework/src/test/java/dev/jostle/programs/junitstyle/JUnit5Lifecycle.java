package dev.jostle.programs.junitstyle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** JUnit 5 style, package-private as JUnit 5 allows, every test passing; records its lifecycle calls. */
class JUnit5Lifecycle {

    @BeforeAll
    static void startClass() {
        LifecycleRecord.called("beforeAll");
    }

    @BeforeEach
    void setUp() {
        LifecycleRecord.called("beforeEach");
    }

    @Test
    void only() {
        LifecycleRecord.called("only");
    }

    @Disabled("would fail")
    @Test
    void disabled() {
        throw new AssertionError("a @Disabled test ran");
    }

    @AfterEach
    void tearDown() {
        LifecycleRecord.called("afterEach");
    }

    @AfterAll
    static void endClass() {
        LifecycleRecord.called("afterAll");
        LifecycleRecord.write();
    }
}
