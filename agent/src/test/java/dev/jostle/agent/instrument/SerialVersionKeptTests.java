package dev.jostle.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jostle.fixtures.SerializableCounter;
import java.io.ObjectStreamClass;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/**
 * A synchronized method that takes its monitor in code loses its flag, which the default serialVersionUID
 * counts: the class keeps the one it was written with, or it could not read what a JVM without the agent wrote.
 */
class SerialVersionKeptTests {

    @Test
    void serializableClassWithSynchronizedMethods_instrumented_keepsItsDefaultSerialVersionUid() throws Exception {
        Class<?> instrumented = new Fixtures().load("SerializableCounter");

        assertFalse(Modifier.isSynchronized(instrumented.getMethod("add").getModifiers()), "the flag stayed");
        assertEquals(ObjectStreamClass.lookup(SerializableCounter.class).getSerialVersionUID(),
                ObjectStreamClass.lookup(instrumented).getSerialVersionUID());
    }
}
