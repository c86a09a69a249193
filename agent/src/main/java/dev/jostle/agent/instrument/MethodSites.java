package dev.jostle.agent.instrument;

import dev.jostle.agent.bootstrap.Sites;

/**
 * Registers the sites of one method: each names the class, the method, the source file and the line of the
 * instruction being visited, which the method visitor keeps current.
 */
final class MethodSites {

    private final InstrumentingClassVisitor type;
    private final String methodName;
    private int line;

    MethodSites(InstrumentingClassVisitor type, String methodName) {
        this.type = type;
        this.methodName = methodName;
    }

    /** The line of the instructions that follow, from the method's line number table. */
    void line(int line) {
        this.line = line;
    }

    /** Registers a site of this {@link dev.jostle.agent.bootstrap.Event} kind at the current line. */
    int register(int kind, String member, boolean isVolatile) {
        return Sites.register(kind, type.className(), methodName, type.sourceFile(), line, member, isVolatile);
    }
}
