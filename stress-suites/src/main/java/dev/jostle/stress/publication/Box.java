package dev.jostle.stress.publication;

/** A value holder whose field is plain: nothing orders its write before the write that publishes it. */
public final class Box {

    public int value;

    public Box(int value) {
        this.value = value;
    }
}
