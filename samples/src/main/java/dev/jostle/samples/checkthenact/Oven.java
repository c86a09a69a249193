package dev.jostle.samples.checkthenact;

/** Something expensive that must exist once: every baker must get the same oven. */
public final class Oven {

    private final int serial;

    public Oven(int serial) {
        this.serial = serial;
    }

    public int serial() {
        return serial;
    }
}
