package dev.jostle.stress;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a broken jcstress test whose racy outcome the JMM allows but this kind of machine may never show:
 * x86-64 keeps stores in order and writes 64-bit values whole, and HotSpot's compilers do not move a
 * constructor's writes past the allocation's publication. The suite reports whether the outcome was seen
 * instead of demanding it; every other broken test must be caught.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface HardwareDependent {

    /** Why the outcome may stay unseen, and where it does show. */
    String value();
}
