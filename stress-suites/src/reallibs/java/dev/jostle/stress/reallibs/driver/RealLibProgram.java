package dev.jostle.stress.reallibs.driver;

import java.util.List;

/**
 * One program that drives an old library release into a reported concurrency bug.
 *
 * @param mainClass the program's class with {@code main}
 * @param bug the bug's id and title, as the table prints it
 * @param jar the library's jar name in the profile's lib folder
 * @param symptom what every failure the bug causes contains (the program's own message): any other failure
 *     is a false one
 * @param jvmOptions what the library needs of the JVM, given to hunt's JVM and the plain loop's alike
 */
record RealLibProgram(String mainClass, String bug, String jar, String symptom, List<String> jvmOptions) {

    static final List<RealLibProgram> ALL = List.of(
            new RealLibProgram("dev.jostle.stress.reallibs.pool135.ActiveOverMax",
                    "commons-pool 1.4: POOL-135, _numActive > _maxActive under load", "commons-pool-1.4.jar",
                    "POOL-135", List.of()),
            new RealLibProgram("dev.jostle.stress.reallibs.pool149.PermitLostBeforeWait",
                    "commons-pool 1.5.2: POOL-149, a borrower waits though given a permit, leaking capacity",
                    "commons-pool-1.5.2.jar", "POOL-149", List.of()),
            new RealLibProgram("dev.jostle.stress.reallibs.pool184.EvictStarvesBorrower",
                    "commons-pool 1.5.4: POOL-184, pool starvation when evict() and borrowObject() run concurrently",
                    "commons-pool-1.5.4.jar", "POOL-184", List.of()),
            new RealLibProgram("dev.jostle.stress.reallibs.log4j43599.ChangingMessage",
                    "log4j 1.2.12: 43599, AsyncAppender failing on changing message objects", "log4j-1.2.12.jar",
                    "log4j 43599", List.of()),
            // Groovy 1.7 makes Object's members accessible while it builds a meta class.
            new RealLibProgram("dev.jostle.stress.reallibs.groovymixin.MixinWhileDispatching",
                    "groovy-all 1.7.11: ExpandoMetaClass mixinClasses modified while iterated (apache/groovy#2698)",
                    "groovy-all-1.7.11.jar", "ExpandoMetaClass.mixinClasses modified while iterated",
                    List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED")));

    String shortName() {
        return mainClass.substring(mainClass.lastIndexOf('.', mainClass.lastIndexOf('.') - 1) + 1);
    }

    boolean isSymptom(String failureMessage) {
        return failureMessage != null && failureMessage.contains(symptom);
    }
}
