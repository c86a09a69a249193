package dev.jostle.agent.desugar;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Whether a class in a given package may call a method or constructor of another class directly, decided
 * from class files alone (nothing is loaded). A lambda class made by {@code LambdaMetafactory} is a
 * nestmate of its host; a desugared one is merely in the same package, so it may only call what any class
 * of that package may call. Anything this cannot show to be accessible (a class file it cannot read, a
 * method it does not find declared along the superclass chain) counts as inaccessible: the call site then
 * keeps its {@code invokedynamic}.
 */
final class MemberAccess {

    /** Deep enough for any real hierarchy; guards against cycles in broken class files. */
    private static final int MAX_DEPTH = 32;

    /** What matters of one class file: its access, package, superclass and declared methods' access. */
    private static final class ClassFacts {
        int access;
        String superName;
        String[] interfaces = new String[0];
        final Map<String, Integer> methods = new HashMap<>();
    }

    private static final ClassFacts UNREADABLE = new ClassFacts();

    private final Function<String, byte[]> classFiles;
    private final Map<String, ClassFacts> facts = new HashMap<>();

    /** @param classFiles the class file of an internal name as the host's loader would find it, or null */
    MemberAccess(Function<String, byte[]> classFiles) {
        this.classFiles = classFiles;
    }

    /**
     * Whether code in {@code fromPackage} (internal form, {@code ""} for the unnamed package) may invoke
     * {@code owner.name desc} as written, or {@code new owner(desc)} when {@code name} is {@code <init>}.
     */
    synchronized boolean callable(String fromPackage, String owner, String name, String desc) {
        ClassFacts referenced = facts(owner);
        if (referenced == UNREADABLE) {
            return false;
        }
        if ((referenced.access & Opcodes.ACC_PUBLIC) == 0 && !packageOf(owner).equals(fromPackage)) {
            return false;
        }
        String declaring = owner;
        ClassFacts current = referenced;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            Integer access = current.methods.get(name + desc);
            if (access != null) {
                return memberAccessible(access, packageOf(declaring), fromPackage);
            }
            // Constructors are not inherited; a method not found along the superclass chain may be an
            // interface's default method: not worth resolving here.
            if (name.equals("<init>") || current.superName == null) {
                return false;
            }
            declaring = current.superName;
            current = facts(declaring);
            if (current == UNREADABLE) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether a class with this superclass and these interfaces may be {@code Serializable}: true when one of
     * its supertypes is, and when a class file on the way cannot be read (the safe answer).
     */
    synchronized boolean mayBeSerializable(String superName, String[] interfaces) {
        Deque<String> toVisit = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        if (superName != null) {
            toVisit.add(superName);
        }
        toVisit.addAll(Arrays.asList(interfaces));
        while (!toVisit.isEmpty()) {
            String type = toVisit.poll();
            if (type.equals("java/io/Serializable")) {
                return true;
            }
            if (type.equals("java/lang/Object") || !seen.add(type)) {
                continue;
            }
            ClassFacts supertype = facts(type);
            if (supertype == UNREADABLE || seen.size() > 256) {
                return true;
            }
            if (supertype.superName != null) {
                toVisit.add(supertype.superName);
            }
            toVisit.addAll(Arrays.asList(supertype.interfaces));
        }
        return false;
    }

    private static boolean memberAccessible(int access, String declaringPackage, String fromPackage) {
        if ((access & Opcodes.ACC_PUBLIC) != 0) {
            return true;
        }
        if ((access & Opcodes.ACC_PRIVATE) != 0) {
            return false;
        }
        // Package-private or protected: the same package may call it (a subclass elsewhere could call a
        // protected one only on its own instances, which a lambda class is not).
        return declaringPackage.equals(fromPackage);
    }

    static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    private ClassFacts facts(String internalName) {
        return facts.computeIfAbsent(internalName, this::read);
    }

    private ClassFacts read(String internalName) {
        byte[] file;
        try {
            file = classFiles.apply(internalName);
        } catch (RuntimeException unreadable) {
            return UNREADABLE;
        }
        if (file == null) {
            return UNREADABLE;
        }
        ClassFacts read = new ClassFacts();
        try {
            new ClassReader(file).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                        String[] interfaces) {
                    read.access = access;
                    read.superName = superName;
                    read.interfaces = interfaces == null ? new String[0] : interfaces;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    read.methods.put(name + descriptor, access);
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException malformed) {
            return UNREADABLE;
        }
        return read;
    }
}
