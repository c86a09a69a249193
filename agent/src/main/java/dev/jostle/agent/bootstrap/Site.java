package dev.jostle.agent.bootstrap;

/**
 * One instrumented instruction: where it is and what it touches. {@code member} names the field
 * ({@code owner.name}), the array element type, the monitor, or the method called.
 */
public final class Site {
    public final int id;
    public final int kind;
    public final String className;
    public final String methodName;
    public final String sourceFile;
    public final int line;
    public final String member;
    /** For field sites: the field is volatile. */
    public final boolean isVolatile;

    Site(int id, int kind, String className, String methodName, String sourceFile, int line, String member,
            boolean isVolatile) {
        this.id = id;
        this.kind = kind;
        this.className = className;
        this.methodName = methodName;
        this.sourceFile = sourceFile;
        this.line = line;
        this.member = member;
        this.isVolatile = isVolatile;
    }

    /** Whether this site writes shared memory (a field or array store). */
    public boolean isWrite() {
        return kind == Event.FIELD_WRITE || kind == Event.ARRAY_WRITE;
    }

    /** Like a stack frame: {@code com.acme.Counter.increment(Counter.java:12)}. */
    public String location() {
        String file = sourceFile == null ? "Unknown Source" : sourceFile;
        return className + "." + methodName + "(" + file + (line > 0 ? ":" + line : "") + ")";
    }

    @Override
    public String toString() {
        return location() + " " + Event.name(kind) + (member == null ? "" : " " + member)
                + (isVolatile ? " (volatile)" : "");
    }
}
