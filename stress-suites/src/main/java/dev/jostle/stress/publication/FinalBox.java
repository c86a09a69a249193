package dev.jostle.stress.publication;

/**
 * A value holder whose field is final: the JMM guarantees that any thread that sees the object also sees
 * the value set by the constructor (JLS 17.5), however the reference reached it.
 */
public final class FinalBox {

    public final int value;

    public FinalBox(int value) {
        this.value = value;
    }
}
