package dev.jostle.junit.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExecutableInvoker;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestInstances;

/**
 * The {@link ExtensionContext} other extensions see during one round: JUnit's context of the test method in
 * everything but what belongs to the round, which are the test instances, the store ({@link RoundStore}), the
 * failure so far, and an {@link ExecutableInvoker} that resolves parameters with this context (so a
 * {@code @TempDir} parameter is the round's own).
 *
 * <p>A {@link Proxy}, not a class implementing the interface, so that it keeps working when JUnit adds methods
 * to {@code ExtensionContext}: whatever it does not answer itself goes to JUnit's context.
 */
final class RoundContext implements InvocationHandler {

    private final ExtensionContext test;
    private final RoundStore store;
    private final ExtensionContext proxy;
    private final ExecutableInvoker invoker;
    private volatile TestInstances instances;
    private volatile Throwable failure;

    RoundContext(ExtensionContext test, RoundExtensions extensions) {
        this.test = test;
        this.store = new RoundStore(test);
        this.proxy = (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, this);
        this.invoker = extensions.invoker(proxy);
    }

    ExtensionContext context() {
        return proxy;
    }

    ExecutableInvoker invoker() {
        return invoker;
    }

    /** The round's instances, outermost first, once all of them are made. */
    void instances(List<Object> outermostFirst) {
        this.instances = new RoundInstances(List.copyOf(outermostFirst));
    }

    /** Records a failure of the round, which after-callbacks see as the execution exception. */
    void failed(Throwable thrown) {
        failure = Failures.add(failure, thrown);
    }

    Throwable failure() {
        return failure;
    }

    /** Closes the round's store; a failure to close is the round's failure too. */
    void close() {
        Throwable closing = store.close();
        if (closing != null) {
            failed(closing);
        }
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        int arity = args == null ? 0 : args.length;
        switch (method.getName() + "/" + arity) {
            case "getTestInstance/0":
                return Optional.ofNullable(instances).map(TestInstances::getInnermostInstance);
            case "getRequiredTestInstance/0":
                return required().getInnermostInstance();
            case "getTestInstances/0":
                return Optional.ofNullable(instances);
            case "getRequiredTestInstances/0":
                return required();
            case "getExecutionException/0":
                return Optional.ofNullable(failure);
            case "getExecutableInvoker/0":
                return invoker;
            case "getStore/1":
                return store.view((Namespace) args[0]);
            case "getStore/2":
                // StoreScope (JUnit 5.13+): only the test's own level is the round's; the session and the
                // request outlive it.
                return "EXTENSION_CONTEXT".equals(((Enum<?>) args[0]).name()) ? store.view((Namespace) args[1])
                        : forward(method, args);
            case "toString/0":
                return "round of " + test;
            case "hashCode/0":
                return System.identityHashCode(self);
            case "equals/1":
                return self == args[0];
            default:
                return forward(method, args);
        }
    }

    private TestInstances required() {
        TestInstances made = instances;
        if (made == null) {
            throw new IllegalStateException("jostle: the round's test instances are not made yet");
        }
        return made;
    }

    private Object forward(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(test, args);
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
        }
    }

    /** One round's instance chain. */
    private record RoundInstances(List<Object> all) implements TestInstances {
        @Override
        public Object getInnermostInstance() {
            return all.get(all.size() - 1);
        }

        @Override
        public List<Object> getEnclosingInstances() {
            return all.subList(0, all.size() - 1);
        }

        @Override
        public List<Object> getAllInstances() {
            return all;
        }

        @Override
        public <T> Optional<T> findInstance(Class<T> requiredType) {
            for (int i = all.size() - 1; i >= 0; i--) {
                if (requiredType.isInstance(all.get(i))) {
                    return Optional.of(requiredType.cast(all.get(i)));
                }
            }
            return Optional.empty();
        }
    }
}
