package dev.jostle.programs.junitstyle;

import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Ignore;
import org.junit.Test;

/**
 * JUnit 4 style, every test passing: each round records the lifecycle calls it made (see
 * {@link LifecycleRecord}). {@code third} passes only because it throws what {@code expected} names; the
 * ignored test would fail if it ran; each test finds the instance field as the constructor left it.
 */
public class JUnit4Lifecycle extends JUnit4LifecycleBase {

    private String state = "fresh";

    @BeforeClass
    public static void startClass() {
        LifecycleRecord.called("beforeClass");
    }

    @Before
    public void setUp() {
        LifecycleRecord.called("before");
    }

    @Test
    public void first() {
        use("first");
    }

    @Test
    public void second() {
        use("second");
    }

    @Test(expected = IllegalStateException.class)
    public void third() {
        use("third");
        throw new IllegalStateException("expected by the test");
    }

    @Ignore
    @Test
    public void ignored() {
        throw new AssertionError("an @Ignore test ran");
    }

    @After
    public void tearDown() {
        LifecycleRecord.called("after");
    }

    @AfterClass
    public static void endClass() {
        LifecycleRecord.called("afterClass");
        LifecycleRecord.write();
    }

    private void use(String test) {
        if (!state.equals("fresh")) {
            throw new AssertionError("the instance was used before: " + state);
        }
        state = test;
        LifecycleRecord.called(test);
    }
}
