package dev.jostle.junit.internal;

import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContextException;

/**
 * The store of one round, in place of the test method's own: what extensions put during a round stays in that
 * round (two rounds running at once never see each other's values), reads fall back to the store of the test's
 * class (and through it to the engine's), and at the round's end every closeable value is closed, newest
 * first, as JUnit closes a test's store (so a {@code @TempDir} of the round is deleted).
 *
 * <p>A sibling of the test method's store, not its child: JUnit's own callbacks fill that store for JUnit's own
 * instance, which no round uses, and a round that found those values (the {@code @TempDir} JUnit made for its
 * instance, under the same key) would share them with every other round.
 *
 * <p>Served through a {@link Proxy} of {@link ExtensionContext.Store} rather than a class implementing it,
 * because the interface gains abstract methods between JUnit versions ({@code computeIfAbsent} in 6.0).
 */
final class RoundStore {

    private record Key(Namespace namespace, Object key) {
    }

    private final ExtensionContext parent;
    private final Map<Key, Object> values = new LinkedHashMap<>();

    /** A store for a round of the test whose method context is {@code test}. */
    RoundStore(ExtensionContext test) {
        this.parent = test.getParent().orElseThrow(() -> new IllegalStateException("jostle: a test has a class"));
    }

    ExtensionContext.Store view(Namespace namespace) {
        ExtensionContext.Store parentStore = parent.getStore(namespace);
        InvocationHandler handler = (proxy, method, args) -> handle(proxy, method, args, namespace, parentStore);
        return (ExtensionContext.Store) Proxy.newProxyInstance(ExtensionContext.Store.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.Store.class}, handler);
    }

    private Object handle(Object proxy, Method method, Object[] args, Namespace namespace,
            ExtensionContext.Store parentStore) throws Throwable {
        int arity = args == null ? 0 : args.length;
        switch (method.getName() + "/" + arity) {
            case "get/1":
                return get(namespace, args[0], parentStore);
            case "get/2":
                return typed(get(namespace, args[0], parentStore), args[0], (Class<?>) args[1]);
            case "getOrDefault/3": {
                Object value = get(namespace, args[0], parentStore);
                return value == null ? args[2] : typed(value, args[0], (Class<?>) args[1]);
            }
            case "getOrComputeIfAbsent/2":
            case "computeIfAbsent/2":
                return compute(namespace, args[0], args[1], parentStore);
            case "getOrComputeIfAbsent/3":
            case "computeIfAbsent/3":
                return typed(compute(namespace, args[0], args[1], parentStore), args[0], (Class<?>) args[2]);
            case "put/2":
                synchronized (values) {
                    values.put(new Key(namespace, args[0]), args[1]);
                }
                return null;
            case "remove/1":
                return remove(namespace, args[0]);
            case "remove/2":
                return typed(remove(namespace, args[0]), args[0], (Class<?>) args[1]);
            case "toString/0":
                return "round store " + namespace;
            case "hashCode/0":
                return System.identityHashCode(proxy);
            case "equals/1":
                return proxy == args[0];
            default:
                if (method.isDefault()) {
                    // Conveniences such as getOrComputeIfAbsent(Class) call back into the methods above.
                    return InvocationHandler.invokeDefault(proxy, method, args);
                }
                throw new UnsupportedOperationException("jostle: a round's store does not know "
                        + method + "; this JUnit version is newer than Jostle");
        }
    }

    private Object get(Namespace namespace, Object key, ExtensionContext.Store parentStore) {
        Key k = new Key(namespace, key);
        synchronized (values) {
            if (values.containsKey(k)) {
                return values.get(k);
            }
        }
        return parentStore.get(key);
    }

    @SuppressWarnings("unchecked")
    private Object compute(Namespace namespace, Object key, Object function, ExtensionContext.Store parentStore) {
        Object value = get(namespace, key, parentStore);
        if (value != null) {
            return value;
        }
        // Outside the lock: the function may use the store itself. A round's store is used by its own thread.
        Object computed = ((Function<Object, Object>) function).apply(key);
        synchronized (values) {
            Object raced = values.putIfAbsent(new Key(namespace, key), computed);
            return raced != null ? raced : computed;
        }
    }

    private Object remove(Namespace namespace, Object key) {
        synchronized (values) {
            return values.remove(new Key(namespace, key));
        }
    }

    private static Object typed(Object value, Object key, Class<?> type) {
        if (value == null || wrapper(type).isInstance(value)) {
            return value;
        }
        throw new ExtensionContextException("Object stored under key [" + key + "] is not of required type ["
                + type.getName() + "], but was [" + value.getClass().getName() + "]: " + value);
    }

    private static Class<?> wrapper(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return MethodType.methodType(type).wrap().returnType();
    }

    /**
     * Closes the round's closeable values, newest first, as JUnit closes a test's store: {@link AutoCloseable}
     * values and JUnit 5's {@code CloseableResource}s.
     *
     * @return the first failure, later ones suppressed in it; {@code null} when every value closed
     */
    @SuppressWarnings("deprecation")
    Throwable close() {
        List<Object> closing;
        synchronized (values) {
            closing = new ArrayList<>(values.values());
            values.clear();
        }
        Throwable failure = null;
        for (int i = closing.size() - 1; i >= 0; i--) {
            Object value = closing.get(i);
            try {
                if (value instanceof AutoCloseable closeable) {
                    closeable.close();
                } else if (value instanceof ExtensionContext.Store.CloseableResource resource) {
                    resource.close();
                }
            } catch (Throwable thrown) {
                failure = Failures.add(failure, thrown);
            }
        }
        return failure;
    }
}
