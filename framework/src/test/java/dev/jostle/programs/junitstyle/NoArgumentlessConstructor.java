package dev.jostle.programs.junitstyle;

/** Its instance method cannot be called: no constructor without arguments makes an instance. */
public class NoArgumentlessConstructor {

    public NoArgumentlessConstructor(int size) {
    }

    public void check() {
    }
}
