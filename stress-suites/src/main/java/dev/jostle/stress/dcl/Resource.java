package dev.jostle.stress.dcl;

/** What a singleton hands out: a plain field set by the constructor, so a racy publication can tear it. */
public final class Resource {

    public int value;

    public Resource() {
        this(42);
    }

    public Resource(int value) {
        this.value = value;
    }
}
