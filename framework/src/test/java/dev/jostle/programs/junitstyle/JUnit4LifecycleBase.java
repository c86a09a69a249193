package dev.jostle.programs.junitstyle;

import org.junit.After;
import org.junit.Before;

/** A superclass's @Before runs before the subclass's, its @After after the subclass's, as in JUnit 4. */
public abstract class JUnit4LifecycleBase {

    @Before
    public void baseSetUp() {
        LifecycleRecord.called("baseBefore");
    }

    @After
    public void baseTearDown() {
        LifecycleRecord.called("baseAfter");
    }
}
