package dev.jostle.stress.reallibs.groovymixin;

import groovy.lang.ExpandoMetaClass;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.codehaus.groovy.reflection.MixinInMetaClass;

/**
 * Groovy's {@code ExpandoMetaClass} mixin set, modified while a dispatching thread iterates it, in Groovy 1.7.11.
 * Reported with a reproduction in apache/groovy pull request 2698, "fix concurrent modification of
 * ExpandoMetaClass mixinClasses" (closed, not merged; the set is still unguarded in the releases before it).
 *
 * <p>The interleaving, read in 1.7.11's bytecode: {@code mixinClasses} is a plain {@code LinkedHashSet}.
 * {@code findMixinMethod}, which method dispatch calls, iterates it with no lock, and
 * {@code MixinInMetaClass.mixinClassesToMetaClass} adds to it through {@code addMixinClass}, also with no lock.
 * An add between two steps of the iteration makes the iterator throw
 * {@code ConcurrentModificationException}. It usually passes because each add is short and a dispatcher's walk
 * over a handful of mixins is shorter still.
 *
 * <p>Two threads look up a method through the mixins while a third mixes categories in, one at a time. A
 * dispatcher that meets the exception fails the program with a message that names the set.
 */
public final class MixinWhileDispatching {
    private static final Class<?>[] CATEGORIES = {
        Category0.class, Category1.class, Category2.class, Category3.class, Category4.class, Category5.class
    };
    private static final Class<?>[] NO_ARGUMENTS = new Class<?>[0];

    public static void main(String[] args) throws Exception {
        ExpandoMetaClass metaClass = new ExpandoMetaClass(Target.class, false, true);
        metaClass.initialize();
        MixinInMetaClass.mixinClassesToMetaClass(metaClass, Collections.singletonList(Category0.class));
        AtomicBoolean mixing = new AtomicBoolean(true);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Thread[] dispatchers = new Thread[2];
        for (int d = 0; d < dispatchers.length; d++) {
            dispatchers[d] = new Thread(() -> {
                try {
                    while (mixing.get()) {
                        metaClass.findMixinMethod("absent", NO_ARGUMENTS);
                    }
                } catch (ConcurrentModificationException e) {
                    seen.compareAndSet(null, e);
                }
            }, "dispatcher-" + d);
            dispatchers[d].start();
        }
        for (int c = 1; c < CATEGORIES.length; c++) {
            MixinInMetaClass.mixinClassesToMetaClass(metaClass, Collections.singletonList(CATEGORIES[c]));
        }
        mixing.set(false);
        for (Thread dispatcher : dispatchers) {
            dispatcher.join();
        }
        if (seen.get() != null) {
            throw new IllegalStateException("ExpandoMetaClass.mixinClasses modified while iterated: " + seen.get(),
                    seen.get());
        }
    }

    public static class Target {
    }

    public static class Category0 {
        public static int zero(Target self) {
            return 0;
        }
    }

    public static class Category1 {
        public static int one(Target self) {
            return 1;
        }
    }

    public static class Category2 {
        public static int two(Target self) {
            return 2;
        }
    }

    public static class Category3 {
        public static int three(Target self) {
            return 3;
        }
    }

    public static class Category4 {
        public static int four(Target self) {
            return 4;
        }
    }

    public static class Category5 {
        public static int five(Target self) {
            return 5;
        }
    }

    private MixinWhileDispatching() {
    }
}
