package dev.jostle.agent.desugar;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Replaces each lambda's {@code invokedynamic} in a class file by a call to a class made here (see the
 * package comment). One instance serves a whole hunt: it remembers what it read of other class files.
 * It never fails a class: a class it cannot rewrite comes back unchanged, a call site it cannot rewrite
 * keeps its {@code invokedynamic}.
 */
public final class LambdaDesugaring {

    /** Part of every name made here; the installer never instruments a class whose name holds "$$Lambda". */
    public static final String NAME_MARK = "$$Lambda$Jostle$";

    private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final int FLAG_SERIALIZABLE = 1;
    private static final int FLAG_MARKERS = 2;
    private static final int FLAG_BRIDGES = 4;
    private static final String ACCESSOR = "jostle$lambda$";

    private final MemberAccess access;

    /**
     * @param classFiles the class file of an internal name as the rewritten classes' loader would find it
     *                   (null when it finds none); used to check that a method reference's target is
     *                   accessible from the host's package
     */
    public LambdaDesugaring(Function<String, byte[]> classFiles) {
        this.access = new MemberAccess(classFiles);
    }

    /** A rewritten class file and the lambda classes it needs, by binary name, in the order they were made. */
    public static final class Result {
        private final byte[] classFile;
        private final Map<String, byte[]> lambdaClasses;

        Result(byte[] classFile, Map<String, byte[]> lambdaClasses) {
            this.classFile = classFile;
            this.lambdaClasses = lambdaClasses;
        }

        public byte[] classFile() {
            return classFile;
        }

        /** Binary name to class file; empty when nothing was rewritten. */
        public Map<String, byte[]> lambdaClasses() {
            return lambdaClasses;
        }
    }

    /** The class file with its lambdas desugared, or unchanged (and no lambda classes) when there are none. */
    public Result desugar(byte[] classFile) {
        try {
            return rewrite(classFile);
        } catch (RuntimeException | LinkageError unexpected) {
            return new Result(classFile, Map.of()); // the tool must not become the bug: run it as written
        }
    }

    private Result rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        if ((reader.getAccess() & Opcodes.ACC_INTERFACE) != 0 || !mentionsMetafactory(classFile)) {
            return new Result(classFile, Map.of());
        }
        Map<String, Integer> ownMethods = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                ownMethods.put(name + descriptor, access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);

        // The reader's constant pool is copied: attributes ASM does not know keep their indices valid.
        ClassWriter writer = new ClassWriter(reader, 0);
        Host host = new Host(writer, reader.getClassName(), ownMethods, () -> serialVersionToKeep(reader, classFile));
        reader.accept(host, 0);
        if (host.lambdaClasses.isEmpty()) {
            return new Result(classFile, Map.of());
        }
        return new Result(writer.toByteArray(), Collections.unmodifiableMap(host.lambdaClasses));
    }

    /**
     * The default serialVersionUID the class had as written, when adding accessors would change it: the class
     * may be serializable and declares none. Null otherwise.
     */
    private Long serialVersionToKeep(ClassReader reader, byte[] classFile) {
        Long original = DefaultSerialVersion.of(classFile);
        return original != null && access.mayBeSerializable(reader.getSuperName(), reader.getInterfaces())
                ? original : null;
    }

    /** How many {@code invokedynamic} instructions of the class file are linked by LambdaMetafactory. */
    public static int metafactoryCallSites(byte[] classFile) {
        int[] sites = new int[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInvokeDynamicInsn(String method, String descriptor, Handle bootstrap,
                            Object... arguments) {
                        if (METAFACTORY.equals(bootstrap.getOwner())) {
                            sites[0]++;
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return sites[0];
    }

    /**
     * Whether the class file names LambdaMetafactory at all (its constant pool holds the name as plain
     * ASCII): most classes can be passed over without parsing them.
     */
    private static boolean mentionsMetafactory(byte[] classFile) {
        byte[] wanted = METAFACTORY.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + wanted.length <= classFile.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (classFile[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A static accessor the host gains, and the private method it calls. */
    private record Accessor(LambdaClass.Target target, Handle calls) {
    }

    /** Rewrites the host's methods and adds the accessors its lambda classes need. */
    private final class Host extends ClassVisitor {
        private final String name;
        private final String hostPackage;
        private final Map<String, Integer> ownMethods;
        private final Map<String, byte[]> lambdaClasses = new LinkedHashMap<>();
        /** Private implementation (name + descriptor) to the static accessor that calls it. */
        private final Map<String, Accessor> accessors = new LinkedHashMap<>();
        private final Supplier<Long> serialVersionToKeep;
        private int version;

        Host(ClassVisitor next, String name, Map<String, Integer> ownMethods, Supplier<Long> serialVersionToKeep) {
            super(Opcodes.ASM9, next);
            this.name = name;
            this.hostPackage = MemberAccess.packageOf(name);
            this.ownMethods = ownMethods;
            this.serialVersionToKeep = serialVersionToKeep;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            this.version = version;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            return new MethodVisitor(Opcodes.ASM9, next) {
                @Override
                public void visitInvokeDynamicInsn(String method, String descriptor, Handle bootstrap,
                        Object... arguments) {
                    String made = lambdaClass(method, descriptor, bootstrap, arguments);
                    if (made == null) {
                        super.visitInvokeDynamicInsn(method, descriptor, bootstrap, arguments);
                    } else {
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, made, LambdaClass.FACTORY, descriptor, false);
                    }
                }
            };
        }

        /** Makes the class for one call site and returns its internal name, or null to leave the site alone. */
        private String lambdaClass(String method, String descriptor, Handle bootstrap, Object[] arguments) {
            if (bootstrap.getTag() != Opcodes.H_INVOKESTATIC || !METAFACTORY.equals(bootstrap.getOwner())) {
                return null;
            }
            List<Type> markers = new ArrayList<>();
            List<Type> bridges = new ArrayList<>();
            if (bootstrap.getName().equals("altMetafactory")) {
                if (!altArguments(arguments, markers, bridges)) {
                    return null;
                }
            } else if (!bootstrap.getName().equals("metafactory") || arguments.length != 3) {
                return null;
            }
            if (!(arguments[0] instanceof Type) || !(arguments[1] instanceof Handle) || !(arguments[2] instanceof Type)) {
                return null;
            }
            LambdaClass.Target target = target((Handle) arguments[1]);
            if (target == null) {
                return null;
            }
            String made = name + NAME_MARK + (lambdaClasses.size() + 1);
            byte[] file;
            try {
                file = new LambdaClass(made, Type.getMethodType(descriptor), method, (Type) arguments[2], target)
                        .write(version, (Type) arguments[0], markers, bridges);
            } catch (IllegalArgumentException notAsSpecified) {
                return null;
            }
            lambdaClasses.put(made.replace('/', '.'), file);
            return made;
        }

        /** Reads altMetafactory's flags, markers and bridges; false for a serializable lambda. */
        private boolean altArguments(Object[] arguments, List<Type> markers, List<Type> bridges) {
            if (arguments.length < 4 || !(arguments[3] instanceof Integer)) {
                return false;
            }
            int flags = (Integer) arguments[3];
            if ((flags & FLAG_SERIALIZABLE) != 0) {
                return false; // serialisation goes through $deserializeLambda$ and SerializedLambda: leave it
            }
            int at = 4;
            if ((flags & FLAG_MARKERS) != 0) {
                at = collect(arguments, at, markers);
            }
            if (at >= 0 && (flags & FLAG_BRIDGES) != 0) {
                at = collect(arguments, at, bridges);
            }
            return at == arguments.length;
        }

        private int collect(Object[] arguments, int at, List<Type> into) {
            if (at >= arguments.length || !(arguments[at] instanceof Integer)) {
                return -1;
            }
            int count = (Integer) arguments[at];
            for (int i = 0; i < count; i++) {
                Object type = at + 1 + i < arguments.length ? arguments[at + 1 + i] : null;
                if (!(type instanceof Type)) {
                    return -1;
                }
                into.add((Type) type);
            }
            return at + 1 + count;
        }

        /** How the lambda class calls the implementation, or null when it may not call it directly. */
        private LambdaClass.Target target(Handle impl) {
            int opcode = opcodeOf(impl.getTag());
            if (opcode < 0) {
                return null;
            }
            boolean own = impl.getOwner().equals(name);
            if (own) {
                Integer flags = ownMethods.get(impl.getName() + impl.getDesc());
                if (flags == null) {
                    return null;
                }
                if ((flags & Opcodes.ACC_PRIVATE) != 0) {
                    // A private constructor would need an accessor that allocates: rare, left alone.
                    return impl.getName().equals("<init>") ? null : accessor(impl, (flags & Opcodes.ACC_STATIC) != 0);
                }
            } else if (impl.getTag() == Opcodes.H_INVOKESPECIAL
                    || !access.callable(hostPackage, impl.getOwner(), impl.getName(), impl.getDesc())) {
                return null;
            }
            if (impl.getTag() == Opcodes.H_INVOKESPECIAL) {
                return null; // a super call of the host's, which no other class may make
            }
            return new LambdaClass.Target(opcode, impl.getOwner(), impl.getName(), impl.getDesc(), impl.isInterface());
        }

        private int opcodeOf(int tag) {
            switch (tag) {
                case Opcodes.H_INVOKESTATIC:
                    return Opcodes.INVOKESTATIC;
                case Opcodes.H_INVOKEVIRTUAL:
                    return Opcodes.INVOKEVIRTUAL;
                case Opcodes.H_INVOKEINTERFACE:
                    return Opcodes.INVOKEINTERFACE;
                case Opcodes.H_INVOKESPECIAL:
                case Opcodes.H_NEWINVOKESPECIAL:
                    return Opcodes.INVOKESPECIAL;
                default:
                    return -1; // field handles: no lambda of javac's
            }
        }

        /**
         * A static method of the host that calls one of its private methods: the lambda class calls that
         * instead. Static, so that no subclass can override it (a private instance method made visible
         * could be overridden by a subclass's lambda method of the same name).
         */
        private LambdaClass.Target accessor(Handle impl, boolean isStatic) {
            String key = impl.getName() + impl.getDesc();
            Accessor known = accessors.get(key);
            if (known != null) {
                return known.target();
            }
            Type[] parameters = Type.getArgumentTypes(impl.getDesc());
            if (!isStatic) {
                Type[] withReceiver = new Type[parameters.length + 1];
                withReceiver[0] = Type.getObjectType(name);
                System.arraycopy(parameters, 0, withReceiver, 1, parameters.length);
                parameters = withReceiver;
            }
            String descriptor = Type.getMethodDescriptor(Type.getReturnType(impl.getDesc()), parameters);
            String accessorName = ACCESSOR + (accessors.size() + 1);
            if (ownMethods.containsKey(accessorName + descriptor)) {
                return null;
            }
            LambdaClass.Target target = new LambdaClass.Target(Opcodes.INVOKESTATIC, name, accessorName, descriptor,
                    false);
            accessors.put(key, new Accessor(target, impl));
            return target;
        }

        @Override
        public void visitEnd() {
            for (Accessor accessor : accessors.values()) {
                writeAccessor(accessor.target(), accessor.calls());
            }
            Long serialVersion = accessors.isEmpty() ? null : serialVersionToKeep.get();
            if (serialVersion != null) {
                // The accessors count in the default serialVersionUID: state the one the class had.
                super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC,
                        "serialVersionUID", "J", null, serialVersion).visitEnd();
            }
            super.visitEnd();
        }

        private void writeAccessor(LambdaClass.Target accessor, Handle impl) {
            MethodVisitor mv = super.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, accessor.name(),
                    accessor.descriptor(), null, null);
            mv.visitCode();
            int slot = 0;
            for (Type parameter : Type.getArgumentTypes(accessor.descriptor())) {
                mv.visitVarInsn(parameter.getOpcode(Opcodes.ILOAD), slot);
                slot += parameter.getSize();
            }
            boolean isStatic = Type.getArgumentTypes(accessor.descriptor()).length
                    == Type.getArgumentTypes(impl.getDesc()).length;
            mv.visitMethodInsn(isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL, name, impl.getName(),
                    impl.getDesc(), false);
            Type result = Type.getReturnType(impl.getDesc());
            mv.visitInsn(result.getOpcode(Opcodes.IRETURN));
            mv.visitMaxs(Math.max(slot, result.getSize()), slot);
            mv.visitEnd();
        }
    }
}
