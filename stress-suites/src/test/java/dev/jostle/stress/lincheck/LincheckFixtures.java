package dev.jostle.stress.lincheck;

import dev.jostle.stress.buffer.BoundedBuffer;
import dev.jostle.stress.buffer.LockedBoundedBuffer;
import dev.jostle.stress.buffer.RacyBoundedBuffer;
import dev.jostle.stress.cache.CheckThenActCache;
import dev.jostle.stress.cache.ComputeIfAbsentCache;
import dev.jostle.stress.cache.LoadingCache;
import dev.jostle.stress.lostupdate.AtomicCounter;
import dev.jostle.stress.lostupdate.Counter;
import dev.jostle.stress.lostupdate.PlainCounter;
import dev.jostle.stress.stack.IntStack;
import dev.jostle.stress.stack.RacyStack;
import dev.jostle.stress.stack.TreiberStack;
import java.util.List;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The {@code @Operation} classes Lincheck drives: one per data structure variant, each a thin shell around
 * the structure under test. Lincheck also runs them one operation at a time as the sequential specification.
 */
final class LincheckFixtures {

    /** Broken variants: model checking must fail each with an interleaving. */
    static final List<Class<?>> BROKEN = List.of(Counter_01_Broken.class, BoundedBuffer_01_Broken.class,
            Stack_01_Broken.class, Cache_01_Broken.class);

    /** Fixed variants: every mode must pass each. */
    static final List<Class<?>> FIXED = List.of(Counter_02_Atomic.class, BoundedBuffer_02_Locked.class,
            Stack_02_Treiber.class, Cache_02_ComputeIfAbsent.class);

    private LincheckFixtures() {
    }

    abstract static class CounterShell {
        private final Counter counter;

        CounterShell(Counter counter) {
            this.counter = counter;
        }

        @Operation
        public void increment() {
            counter.increment();
        }

        @Operation
        public int get() {
            return counter.get();
        }
    }

    public static final class Counter_01_Broken extends CounterShell {
        public Counter_01_Broken() {
            super(new PlainCounter());
        }
    }

    public static final class Counter_02_Atomic extends CounterShell {
        public Counter_02_Atomic() {
            super(new AtomicCounter());
        }
    }

    @Param(name = "value", gen = IntGen.class, conf = "1:9")
    abstract static class BufferShell {
        private final BoundedBuffer buffer;

        BufferShell(BoundedBuffer buffer) {
            this.buffer = buffer;
        }

        @Operation
        public boolean offer(@Param(name = "value") int value) {
            return buffer.offer(value);
        }

        @Operation
        public Integer poll() {
            return buffer.poll();
        }
    }

    public static final class BoundedBuffer_01_Broken extends BufferShell {
        public BoundedBuffer_01_Broken() {
            super(new RacyBoundedBuffer(2));
        }
    }

    public static final class BoundedBuffer_02_Locked extends BufferShell {
        public BoundedBuffer_02_Locked() {
            super(new LockedBoundedBuffer(2));
        }
    }

    @Param(name = "value", gen = IntGen.class, conf = "1:9")
    abstract static class StackShell {
        private final IntStack stack;

        StackShell(IntStack stack) {
            this.stack = stack;
        }

        @Operation
        public void push(@Param(name = "value") int value) {
            stack.push(value);
        }

        @Operation
        public Integer pop() {
            return stack.pop();
        }
    }

    public static final class Stack_01_Broken extends StackShell {
        public Stack_01_Broken() {
            super(new RacyStack());
        }
    }

    public static final class Stack_02_Treiber extends StackShell {
        public Stack_02_Treiber() {
            super(new TreiberStack());
        }
    }

    @Param(name = "key", gen = IntGen.class, conf = "1:2")
    abstract static class CacheShell {
        private final LoadingCache cache;

        CacheShell(LoadingCache cache) {
            this.cache = cache;
        }

        @Operation
        public int get(@Param(name = "key") int key) {
            return cache.get(key);
        }
    }

    public static final class Cache_01_Broken extends CacheShell {
        public Cache_01_Broken() {
            super(new CheckThenActCache());
        }
    }

    public static final class Cache_02_ComputeIfAbsent extends CacheShell {
        public Cache_02_ComputeIfAbsent() {
            super(new ComputeIfAbsentCache());
        }
    }
}
