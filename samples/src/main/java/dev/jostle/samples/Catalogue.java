package dev.jostle.samples;

import static dev.jostle.engine.FailureKind.DEADLOCK;
import static dev.jostle.engine.FailureKind.EXCEPTION;
import static dev.jostle.engine.FailureKind.THREAD_EXCEPTION;
import static dev.jostle.engine.FailureKind.TIMEOUT;

import dev.jostle.engine.FailureKind;
import dev.jostle.engine.RoundBody;
import dev.jostle.samples.checkthenact.DoubleCheckedScenario;
import dev.jostle.samples.checkthenact.DoubleChecked_01_Broken;
import dev.jostle.samples.checkthenact.DoubleChecked_02_Volatile;
import dev.jostle.samples.checkthenact.DoubleChecked_03_Immutable;
import dev.jostle.samples.checkthenact.LazyInitScenario;
import dev.jostle.samples.checkthenact.LazyInit_01_Broken;
import dev.jostle.samples.checkthenact.LazyInit_02_Locked;
import dev.jostle.samples.checkthenact.LazyInit_03_Messages;
import dev.jostle.samples.checkthenact.PutIfAbsentScenario;
import dev.jostle.samples.checkthenact.PutIfAbsent_01_Broken;
import dev.jostle.samples.checkthenact.PutIfAbsent_02_Locked;
import dev.jostle.samples.checkthenact.PutIfAbsent_03_Atomic;
import dev.jostle.samples.checkthenact.PutIfAbsent_04_Channel;
import dev.jostle.samples.lostupdate.Bakery;
import dev.jostle.samples.lostupdate.LostUpdate_01_Broken;
import dev.jostle.samples.lostupdate.LostUpdate_02_Locked;
import dev.jostle.samples.lostupdate.LostUpdate_03_Messages;
import dev.jostle.samples.lostupdate.LostUpdate_04_Channel;
import dev.jostle.samples.publication.EscapeScenario;
import dev.jostle.samples.publication.Escape_01_Broken;
import dev.jostle.samples.publication.Escape_02_Messages;
import dev.jostle.samples.publication.Escape_03_Locked;
import dev.jostle.samples.publication.HalfBuiltScenario;
import dev.jostle.samples.publication.HalfBuilt_01_Broken;
import dev.jostle.samples.publication.HalfBuilt_02_Locked;
import dev.jostle.samples.publication.HalfBuilt_03_Messages;
import dev.jostle.samples.publication.HalfBuilt_04_Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/** Every sample variant, in the order the table shows them: each bug's broken variant, then its fixes. */
public final class Catalogue {

    private static final FailureKind[] FAILS = {EXCEPTION, THREAD_EXCEPTION};

    private Catalogue() {
    }

    public static List<Variant> variants() {
        List<Variant> all = new ArrayList<>();

        String bug = "lost update";
        all.add(broken(bug, LostUpdate_01_Broken.class, () -> Bakery.bake(new LostUpdate_01_Broken()), FAILS));
        all.add(fix(bug, LostUpdate_02_Locked.class, FixStyle.LOCK, () -> Bakery.bake(new LostUpdate_02_Locked())));
        all.add(fix(bug, LostUpdate_03_Messages.class, FixStyle.MESSAGES,
                () -> Bakery.bake(new LostUpdate_03_Messages())));
        all.add(fix(bug, LostUpdate_04_Channel.class, FixStyle.CHANNEL,
                () -> Bakery.bake(new LostUpdate_04_Channel())));

        bug = "lazy init";
        all.add(broken(bug, LazyInit_01_Broken.class, () -> LazyInitScenario.run(new LazyInit_01_Broken()), FAILS));
        all.add(fix(bug, LazyInit_02_Locked.class, FixStyle.LOCK, () -> LazyInitScenario.run(new LazyInit_02_Locked())));
        all.add(fix(bug, LazyInit_03_Messages.class, FixStyle.MESSAGES,
                () -> LazyInitScenario.run(new LazyInit_03_Messages())));

        bug = "put-if-absent";
        all.add(broken(bug, PutIfAbsent_01_Broken.class, () -> PutIfAbsentScenario.run(new PutIfAbsent_01_Broken()),
                FAILS));
        all.add(fix(bug, PutIfAbsent_02_Locked.class, FixStyle.LOCK,
                () -> PutIfAbsentScenario.run(new PutIfAbsent_02_Locked())));
        all.add(fix(bug, PutIfAbsent_03_Atomic.class, FixStyle.LOCK,
                () -> PutIfAbsentScenario.run(new PutIfAbsent_03_Atomic())));
        all.add(fix(bug, PutIfAbsent_04_Channel.class, FixStyle.CHANNEL,
                () -> PutIfAbsentScenario.run(new PutIfAbsent_04_Channel())));

        bug = "double-checked";
        all.add(broken(bug, DoubleChecked_01_Broken.class,
                () -> DoubleCheckedScenario.run(new DoubleChecked_01_Broken()), FAILS));
        all.add(fix(bug, DoubleChecked_02_Volatile.class, FixStyle.LOCK,
                () -> DoubleCheckedScenario.run(new DoubleChecked_02_Volatile())));
        all.add(fix(bug, DoubleChecked_03_Immutable.class, FixStyle.MESSAGES,
                () -> DoubleCheckedScenario.run(new DoubleChecked_03_Immutable())));

        bug = "half-built object";
        all.add(broken(bug, HalfBuilt_01_Broken.class, () -> HalfBuiltScenario.run(new HalfBuilt_01_Broken()), FAILS));
        all.add(fix(bug, HalfBuilt_02_Locked.class, FixStyle.LOCK, () -> HalfBuiltScenario.run(new HalfBuilt_02_Locked())));
        all.add(fix(bug, HalfBuilt_03_Messages.class, FixStyle.MESSAGES,
                () -> HalfBuiltScenario.run(new HalfBuilt_03_Messages())));
        all.add(fix(bug, HalfBuilt_04_Channel.class, FixStyle.CHANNEL,
                () -> HalfBuiltScenario.run(new HalfBuilt_04_Channel())));

        bug = "this escapes";
        all.add(broken(bug, Escape_01_Broken.class, () -> EscapeScenario.run(Escape_01_Broken::new), FAILS));
        all.add(fix(bug, Escape_02_Messages.class, FixStyle.MESSAGES,
                () -> EscapeScenario.run(Escape_02_Messages::listeningTo)));
        all.add(fix(bug, Escape_03_Locked.class, FixStyle.LOCK, () -> EscapeScenario.run(Escape_03_Locked::new)));

        return all;
    }

    private static Variant broken(String bug, Class<?> sample, RoundBody round, FailureKind... shows) {
        EnumSet<FailureKind> kinds = EnumSet.noneOf(FailureKind.class);
        kinds.addAll(Arrays.asList(shows));
        return new Variant(bug, sample.getSimpleName(), FixStyle.BROKEN, kinds, round);
    }

    private static Variant fix(String bug, Class<?> sample, FixStyle style, RoundBody round) {
        return new Variant(bug, sample.getSimpleName(), style, EnumSet.noneOf(FailureKind.class), round);
    }
}
