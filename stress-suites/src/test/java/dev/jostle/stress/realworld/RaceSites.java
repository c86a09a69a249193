package dev.jostle.stress.realworld;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * Tells a race in the code under test from one in its tests: a site belongs to the tests when its class is
 * in the tests jar, to the main code when its class is in the main package and not in that jar.
 */
final class RaceSites {

    enum Where { MAIN, TESTS, ELSEWHERE }

    private final String mainPackage;
    private final Set<String> testClasses;

    RaceSites(String mainPackage, Set<String> testClasses) {
        this.mainPackage = mainPackage;
        this.testClasses = Set.copyOf(testClasses);
    }

    /** The class names in a tests jar; none if there is no jar. */
    static Set<String> classesIn(Path jar) throws IOException {
        if (jar == null || !Files.exists(jar)) {
            return Collections.emptySet();
        }
        Set<String> names = new HashSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream()
                    .map(entry -> entry.getName())
                    .filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .forEach(names::add);
        }
        return names;
    }

    /**
     * Where a race is: in the main code if either access is (a test that reaches into main code races with
     * it there), in the tests if both accesses are, else elsewhere (a library, the JDK).
     */
    Where of(Race race) {
        Where a = of(race.siteA());
        Where b = of(race.siteB());
        if (a == Where.MAIN || b == Where.MAIN) {
            return Where.MAIN;
        }
        if (a == Where.TESTS && b == Where.TESTS) {
            return Where.TESTS;
        }
        return Where.ELSEWHERE;
    }

    private Where of(String site) {
        String className = Race.classOf(site);
        if (testClasses.contains(className)) {
            return Where.TESTS;
        }
        return className.startsWith(mainPackage) ? Where.MAIN : Where.ELSEWHERE;
    }
}
