package dev.jostle.tools;

/** {@code java -jar jostle.jar COMMAND ...}: the command-line entry point. */
public final class JostleMain {

    private JostleMain() {
    }

    public static void main(String[] args) {
        System.err.println("usage: java -jar jostle.jar hunt [options] MAIN_CLASS [ARGS...]");
        System.exit(2);
    }
}
