package dev.jostle.agent.desugar;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * The conversions {@code LambdaMetafactory} applies between the interface method's types and the
 * implementation's (its javadoc, "Linkage"): widening between primitives, boxing and unboxing, and casts
 * between reference types. Each method emits straight-line code for one value on top of the stack.
 * A conversion the specification does not allow (narrowing, void to a value) throws
 * {@link IllegalArgumentException}, and the call site is then left to {@code LambdaMetafactory}.
 */
final class LambdaConversions {

    private static final String NUMBER = "java/lang/Number";
    private static final Type[] PRIMITIVES = {Type.BOOLEAN_TYPE, Type.BYTE_TYPE, Type.SHORT_TYPE, Type.CHAR_TYPE,
        Type.INT_TYPE, Type.LONG_TYPE, Type.FLOAT_TYPE, Type.DOUBLE_TYPE};
    /** The wrapper of each of {@link #PRIMITIVES}, in the same order. */
    private static final String[] WRAPPERS = {"java/lang/Boolean", "java/lang/Byte", "java/lang/Short",
        "java/lang/Character", "java/lang/Integer", "java/lang/Long", "java/lang/Float", "java/lang/Double"};

    private LambdaConversions() {
    }

    /**
     * Converts a value of type {@code arg} to {@code target}, where {@code functional} is the type the
     * value is known to have (the instantiated type of an interface method's parameter).
     */
    static void convert(MethodVisitor mv, Type arg, Type target, Type functional) {
        if (arg.equals(target) && arg.equals(functional)) {
            return;
        }
        if (arg.getSort() == Type.VOID || target.getSort() == Type.VOID) {
            throw new IllegalArgumentException("no conversion between " + arg + " and " + target);
        }
        if (isPrimitive(arg)) {
            if (isPrimitive(target)) {
                widen(mv, arg, target);
                return;
            }
            Type unboxedTarget = primitiveOf(target);
            if (unboxedTarget != null) {
                widen(mv, arg, unboxedTarget); // an int for a Long: widen first, then box
                box(mv, unboxedTarget);
            } else {
                box(mv, arg);
                cast(mv, wrapperOf(arg), target);
            }
            return;
        }
        Type known = arg;
        if (!isPrimitive(functional)) {
            cast(mv, arg, functional); // the instantiated type may be narrower than the erased one
            known = functional;
        }
        if (!isPrimitive(target)) {
            cast(mv, known, target);
            return;
        }
        Type unboxed = primitiveOf(known);
        if (unboxed != null) {
            if (isNumeric(unboxed)) {
                unbox(mv, known.getInternalName(), target); // Integer to long: Integer.longValue()
            } else {
                unbox(mv, known.getInternalName(), unboxed);
                widen(mv, unboxed, target);
            }
            return;
        }
        // A supertype of the wrapper (Object, Number, Comparable): go through Number, or the wrapper itself.
        String through = isNumeric(target) ? NUMBER : wrapperOf(target).getInternalName();
        cast(mv, known, Type.getObjectType(through));
        unbox(mv, through, target);
    }

    /** Converts the implementation's result to the interface method's return type, or drops it for void. */
    static void convertReturn(MethodVisitor mv, Type result, Type returned) {
        if (returned.getSort() == Type.VOID) {
            if (result.getSize() == 2) {
                mv.visitInsn(Opcodes.POP2);
            } else if (result.getSize() == 1) {
                mv.visitInsn(Opcodes.POP);
            }
            return;
        }
        convert(mv, result, returned, returned);
    }

    static boolean isPrimitive(Type type) {
        return type.getSort() >= Type.BOOLEAN && type.getSort() <= Type.DOUBLE;
    }

    /** Byte to double, the types whose wrappers are Numbers; not char, not boolean. */
    private static boolean isNumeric(Type primitive) {
        int sort = primitive.getSort();
        return sort != Type.BOOLEAN && sort != Type.CHAR;
    }

    private static void cast(MethodVisitor mv, Type from, Type to) {
        if (!from.equals(to) && !to.getDescriptor().equals("Ljava/lang/Object;")) {
            mv.visitTypeInsn(Opcodes.CHECKCAST, to.getSort() == Type.ARRAY ? to.getDescriptor() : to.getInternalName());
        }
    }

    private static void box(MethodVisitor mv, Type primitive) {
        Type wrapper = wrapperOf(primitive);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, wrapper.getInternalName(), "valueOf",
                Type.getMethodDescriptor(wrapper, primitive), false);
    }

    private static void unbox(MethodVisitor mv, String owner, Type primitive) {
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, primitive.getClassName() + "Value",
                Type.getMethodDescriptor(primitive), false);
    }

    /** Widening primitive conversion (JLS 5.1.2); anything else is not a conversion a lambda may ask for. */
    private static void widen(MethodVisitor mv, Type from, Type to) {
        if (from.equals(to)) {
            return;
        }
        int f = from.getSort();
        int t = to.getSort();
        if (!widens(f, t)) {
            throw new IllegalArgumentException("no widening from " + from + " to " + to);
        }
        boolean fromInt = f == Type.BYTE || f == Type.SHORT || f == Type.CHAR || f == Type.INT;
        if (fromInt) {
            if (t == Type.LONG) {
                mv.visitInsn(Opcodes.I2L);
            } else if (t == Type.FLOAT) {
                mv.visitInsn(Opcodes.I2F);
            } else if (t == Type.DOUBLE) {
                mv.visitInsn(Opcodes.I2D);
            } // byte, short, char to short or int: already an int on the stack
        } else if (f == Type.LONG) {
            mv.visitInsn(t == Type.FLOAT ? Opcodes.L2F : Opcodes.L2D);
        } else {
            mv.visitInsn(Opcodes.F2D);
        }
    }

    private static boolean widens(int from, int to) {
        switch (from) {
            case Type.BYTE:
                return to == Type.SHORT || widens(Type.SHORT, to);
            case Type.SHORT:
            case Type.CHAR:
                return to == Type.INT || widens(Type.INT, to);
            case Type.INT:
                return to == Type.LONG || to == Type.FLOAT || to == Type.DOUBLE;
            case Type.LONG:
                return to == Type.FLOAT || to == Type.DOUBLE;
            case Type.FLOAT:
                return to == Type.DOUBLE;
            default:
                return false;
        }
    }

    /** The primitive type a wrapper class boxes, or null when the type is no wrapper. */
    static Type primitiveOf(Type type) {
        if (type.getSort() == Type.OBJECT) {
            for (int i = 0; i < WRAPPERS.length; i++) {
                if (WRAPPERS[i].equals(type.getInternalName())) {
                    return PRIMITIVES[i];
                }
            }
        }
        return null;
    }

    static Type wrapperOf(Type primitive) {
        for (int i = 0; i < PRIMITIVES.length; i++) {
            if (PRIMITIVES[i].equals(primitive)) {
                return Type.getObjectType(WRAPPERS[i]);
            }
        }
        throw new IllegalArgumentException("not a primitive: " + primitive);
    }
}
