package dev.jostle.samples;

import static dev.jostle.engine.FailureKind.DEADLOCK;
import static dev.jostle.engine.FailureKind.EXCEPTION;
import static dev.jostle.engine.FailureKind.THREAD_EXCEPTION;
import static dev.jostle.engine.FailureKind.TIMEOUT;

import dev.jostle.engine.FailureKind;
import dev.jostle.engine.RoundBody;
import dev.jostle.samples.atomicity.GuestbookScenario;
import dev.jostle.samples.atomicity.Guestbook_01_Broken;
import dev.jostle.samples.atomicity.Guestbook_02_Locked;
import dev.jostle.samples.atomicity.Guestbook_03_Messages;
import dev.jostle.samples.atomicity.Guestbook_04_Channel;
import dev.jostle.samples.atomicity.TicketScenario;
import dev.jostle.samples.atomicity.Tickets_01_Broken;
import dev.jostle.samples.atomicity.Tickets_02_Locked;
import dev.jostle.samples.atomicity.Tickets_03_Messages;
import dev.jostle.samples.atomicity.Tickets_04_Channel;
import dev.jostle.samples.checkthenact.DoubleCheckedScenario;
import dev.jostle.samples.checkthenact.DoubleChecked_01_Broken;
import dev.jostle.samples.checkthenact.DoubleChecked_02_Volatile;
import dev.jostle.samples.checkthenact.DoubleChecked_03_Immutable;
import dev.jostle.samples.checkthenact.LazyInitScenario;
import dev.jostle.samples.checkthenact.LazyInit_01_Broken;
import dev.jostle.samples.checkthenact.LazyInit_02_Locked;
import dev.jostle.samples.checkthenact.LazyInit_03_Messages;
import dev.jostle.samples.checkthenact.LazyInit_04_Channel;
import dev.jostle.samples.checkthenact.PutIfAbsentScenario;
import dev.jostle.samples.checkthenact.PutIfAbsent_01_Broken;
import dev.jostle.samples.checkthenact.PutIfAbsent_02_Locked;
import dev.jostle.samples.checkthenact.PutIfAbsent_03_Atomic;
import dev.jostle.samples.checkthenact.PutIfAbsent_04_Channel;
import dev.jostle.samples.deadlock.DinnerScenario;
import dev.jostle.samples.deadlock.Philosophers_01_Broken;
import dev.jostle.samples.deadlock.Philosophers_02_Ordered;
import dev.jostle.samples.deadlock.Philosophers_03_Waiter;
import dev.jostle.samples.deadlock.Philosophers_04_Messages;
import dev.jostle.samples.deadlock.TransferScenario;
import dev.jostle.samples.deadlock.Transfer_01_Broken;
import dev.jostle.samples.deadlock.Transfer_02_Ordered;
import dev.jostle.samples.deadlock.Transfer_03_Messages;
import dev.jostle.samples.deadlock.Transfer_04_Channel;
import dev.jostle.samples.livelock.DinerScenario;
import dev.jostle.samples.livelock.Diners_01_Broken;
import dev.jostle.samples.livelock.Diners_02_Locked;
import dev.jostle.samples.livelock.Diners_03_Channel;
import dev.jostle.samples.livelock.Diners_04_Messages;
import dev.jostle.samples.lostupdate.Bakery;
import dev.jostle.samples.lostupdate.LostUpdate_01_Broken;
import dev.jostle.samples.lostupdate.LostUpdate_02_Locked;
import dev.jostle.samples.lostupdate.LostUpdate_03_Messages;
import dev.jostle.samples.lostupdate.LostUpdate_04_Channel;
import dev.jostle.samples.lostwakeup.BufferScenario;
import dev.jostle.samples.lostwakeup.Buffer_01_IfNotWhile;
import dev.jostle.samples.lostwakeup.Buffer_02_NotifyNotAll;
import dev.jostle.samples.lostwakeup.Buffer_03_Locked;
import dev.jostle.samples.lostwakeup.Buffer_04_Conditions;
import dev.jostle.samples.lostwakeup.Buffer_05_Channel;
import dev.jostle.samples.pipeline.NightScenario;
import dev.jostle.samples.pipeline.Pipeline_01_Broken;
import dev.jostle.samples.pipeline.Pipeline_02_Locked;
import dev.jostle.samples.pipeline.Pipeline_03_Channel;
import dev.jostle.samples.publication.EscapeScenario;
import dev.jostle.samples.publication.Escape_01_Broken;
import dev.jostle.samples.publication.Escape_02_Messages;
import dev.jostle.samples.publication.Escape_03_Locked;
import dev.jostle.samples.publication.HalfBuiltScenario;
import dev.jostle.samples.publication.HalfBuilt_01_Broken;
import dev.jostle.samples.publication.HalfBuilt_02_Locked;
import dev.jostle.samples.publication.HalfBuilt_03_Messages;
import dev.jostle.samples.publication.HalfBuilt_04_Channel;
import dev.jostle.samples.starvation.CourierScenario;
import dev.jostle.samples.starvation.Courier_01_Broken;
import dev.jostle.samples.starvation.Courier_02_Aging;
import dev.jostle.samples.starvation.Courier_03_Messages;
import dev.jostle.samples.starvation.Courier_04_Channel;
import dev.jostle.samples.visibility.SearchScenario;
import dev.jostle.samples.visibility.Search_01_Broken;
import dev.jostle.samples.visibility.Search_02_Volatile;
import dev.jostle.samples.visibility.Search_03_Messages;
import dev.jostle.samples.visibility.Search_04_Channel;
import dev.jostle.samples.visibility.StopFlagScenario;
import dev.jostle.samples.visibility.StopFlag_01_Broken;
import dev.jostle.samples.visibility.StopFlag_02_Volatile;
import dev.jostle.samples.visibility.StopFlag_03_Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/** Every sample variant, in the order the table shows them: each bug's broken variant, then its fixes. */
public final class Catalogue {

    /** A failed check: the scenario's assertion, or a worker's exception. */
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
        all.add(fix(bug, LazyInit_04_Channel.class, FixStyle.CHANNEL,
                () -> LazyInitScenario.run(new LazyInit_04_Channel())));

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

        bug = "stop flag";
        all.add(broken(bug, StopFlag_01_Broken.class, () -> StopFlagScenario.run(new StopFlag_01_Broken()),
                EXCEPTION, THREAD_EXCEPTION, TIMEOUT)
                .outOfReach("a hoisted read is not a matter of timing, and the agent's hook at every field read "
                        + "keeps the JIT from hoisting it; the race detector is what reports this bug"));
        all.add(fix(bug, StopFlag_02_Volatile.class, FixStyle.LOCK, () -> StopFlagScenario.run(new StopFlag_02_Volatile())));
        all.add(fix(bug, StopFlag_03_Channel.class, FixStyle.CHANNEL,
                () -> StopFlagScenario.run(new StopFlag_03_Channel())));

        bug = "found, then where";
        all.add(broken(bug, Search_01_Broken.class, () -> SearchScenario.run(new Search_01_Broken()), FAILS));
        all.add(fix(bug, Search_02_Volatile.class, FixStyle.LOCK, () -> SearchScenario.run(new Search_02_Volatile())));
        all.add(fix(bug, Search_03_Messages.class, FixStyle.MESSAGES, () -> SearchScenario.run(new Search_03_Messages())));
        all.add(fix(bug, Search_04_Channel.class, FixStyle.CHANNEL, () -> SearchScenario.run(new Search_04_Channel())));

        bug = "two calls";
        all.add(broken(bug, Tickets_01_Broken.class, () -> TicketScenario.run(Tickets_01_Broken::new), FAILS));
        all.add(fix(bug, Tickets_02_Locked.class, FixStyle.LOCK, () -> TicketScenario.run(Tickets_02_Locked::new)));
        all.add(fix(bug, Tickets_03_Messages.class, FixStyle.MESSAGES, () -> TicketScenario.run(Tickets_03_Messages::new)));
        all.add(fix(bug, Tickets_04_Channel.class, FixStyle.CHANNEL, () -> TicketScenario.run(Tickets_04_Channel::new)));

        bug = "iterate while changed";
        all.add(broken(bug, Guestbook_01_Broken.class, () -> GuestbookScenario.run(Guestbook_01_Broken::new), FAILS));
        all.add(fix(bug, Guestbook_02_Locked.class, FixStyle.LOCK, () -> GuestbookScenario.run(Guestbook_02_Locked::new)));
        all.add(fix(bug, Guestbook_03_Messages.class, FixStyle.MESSAGES,
                () -> GuestbookScenario.run(Guestbook_03_Messages::new)));
        all.add(fix(bug, Guestbook_04_Channel.class, FixStyle.CHANNEL,
                () -> GuestbookScenario.run(Guestbook_04_Channel::new)));

        bug = "lock order";
        all.add(broken(bug, Transfer_01_Broken.class, () -> TransferScenario.run(Transfer_01_Broken::new), DEADLOCK));
        all.add(fix(bug, Transfer_02_Ordered.class, FixStyle.LOCK, () -> TransferScenario.run(Transfer_02_Ordered::new)));
        all.add(fix(bug, Transfer_03_Messages.class, FixStyle.MESSAGES,
                () -> TransferScenario.run(Transfer_03_Messages::new)));
        all.add(fix(bug, Transfer_04_Channel.class, FixStyle.CHANNEL, () -> TransferScenario.run(Transfer_04_Channel::new)));

        bug = "philosophers";
        all.add(broken(bug, Philosophers_01_Broken.class, () -> DinnerScenario.run(new Philosophers_01_Broken()),
                DEADLOCK));
        all.add(fix(bug, Philosophers_02_Ordered.class, FixStyle.LOCK,
                () -> DinnerScenario.run(new Philosophers_02_Ordered())));
        all.add(fix(bug, Philosophers_03_Waiter.class, FixStyle.CHANNEL,
                () -> DinnerScenario.run(new Philosophers_03_Waiter())));
        all.add(fix(bug, Philosophers_04_Messages.class, FixStyle.MESSAGES,
                () -> DinnerScenario.run(new Philosophers_04_Messages())));

        bug = "livelock";
        all.add(broken(bug, Diners_01_Broken.class, () -> DinerScenario.run(new Diners_01_Broken()), TIMEOUT));
        all.add(fix(bug, Diners_02_Locked.class, FixStyle.LOCK, () -> DinerScenario.run(new Diners_02_Locked())));
        all.add(fix(bug, Diners_03_Channel.class, FixStyle.CHANNEL, () -> DinerScenario.run(new Diners_03_Channel())));
        all.add(fix(bug, Diners_04_Messages.class, FixStyle.MESSAGES, () -> DinerScenario.run(new Diners_04_Messages())));

        bug = "starvation";
        all.add(broken(bug, Courier_01_Broken.class, () -> CourierScenario.run(Courier_01_Broken::new), FAILS));
        all.add(fix(bug, Courier_02_Aging.class, FixStyle.LOCK, () -> CourierScenario.run(Courier_02_Aging::new)));
        all.add(fix(bug, Courier_03_Messages.class, FixStyle.MESSAGES,
                () -> CourierScenario.run(Courier_03_Messages::new)));
        all.add(fix(bug, Courier_04_Channel.class, FixStyle.CHANNEL, () -> CourierScenario.run(Courier_04_Channel::new)));

        bug = "lost wake-up";
        all.add(broken(bug, Buffer_01_IfNotWhile.class, () -> BufferScenario.run(new Buffer_01_IfNotWhile(), 3),
                EXCEPTION, THREAD_EXCEPTION, TIMEOUT));
        all.add(broken(bug, Buffer_02_NotifyNotAll.class, () -> BufferScenario.run(new Buffer_02_NotifyNotAll(), 3),
                TIMEOUT));
        all.add(fix(bug, Buffer_03_Locked.class, FixStyle.LOCK, () -> BufferScenario.run(new Buffer_03_Locked(), 3)));
        all.add(fix(bug, Buffer_04_Conditions.class, FixStyle.LOCK, () -> BufferScenario.run(new Buffer_04_Conditions(), 3)));
        all.add(fix(bug, Buffer_05_Channel.class, FixStyle.CHANNEL, () -> BufferScenario.run(new Buffer_05_Channel(), 3)));

        bug = "pipeline";
        all.add(broken(bug, Pipeline_01_Broken.class, () -> NightScenario.run(new Pipeline_01_Broken()), FAILS));
        all.add(fix(bug, Pipeline_02_Locked.class, FixStyle.LOCK, () -> NightScenario.run(new Pipeline_02_Locked())));
        all.add(fix(bug, Pipeline_03_Channel.class, FixStyle.CHANNEL, () -> NightScenario.run(new Pipeline_03_Channel())));

        return all;
    }

    /** The variant with this class name. */
    public static Variant variant(String name) {
        return variants().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample named " + name));
    }

    private static Variant broken(String bug, Class<?> sample, RoundBody round, FailureKind... shows) {
        EnumSet<FailureKind> kinds = EnumSet.noneOf(FailureKind.class);
        kinds.addAll(Arrays.asList(shows));
        return new Variant(bug, sample.getSimpleName(), FixStyle.BROKEN, kinds, round, null);
    }

    private static Variant fix(String bug, Class<?> sample, FixStyle style, RoundBody round) {
        return new Variant(bug, sample.getSimpleName(), style, EnumSet.noneOf(FailureKind.class), round, null);
    }
}
