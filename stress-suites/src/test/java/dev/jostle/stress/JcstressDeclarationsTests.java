package dev.jostle.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.infra.runners.TestList;

/** The house rules for jcstress tests, checked on their annotations without running them. */
class JcstressDeclarationsTests {

    private static final Pattern SECOND_SENTENCE = Pattern.compile("[.!?]\\s+[A-Z]");

    @Test
    void testList_isWrittenOnce_andNamesEveryTest() throws IOException {
        List<URL> lists = Collections.list(getClass().getClassLoader().getResources("META-INF/TestList"));
        // A second list (say in test-classes) would hide the first: jcstress reads only one.
        assertEquals(1, lists.size(), () -> "META-INF/TestList found " + lists.size() + " times: " + lists);
        assertTrue(testClasses().size() >= 20, () -> "only " + testClasses().size() + " tests listed");
    }

    @Test
    void everyOutcome_hasOneSentenceDescription() {
        List<String> bad = new ArrayList<>();
        for (Class<?> test : testClasses()) {
            for (Outcome o : test.getAnnotationsByType(Outcome.class)) {
                String desc = o.desc().trim();
                // A second sentence starts after ". " with a capital; "JLS 17.5" is no sentence end.
                if (desc.isEmpty() || !desc.endsWith(".") || SECOND_SENTENCE.matcher(desc).find()) {
                    bad.add(test.getSimpleName() + ": '" + desc + "'");
                }
            }
        }
        assertTrue(bad.isEmpty(), () -> "outcome descriptions that are not one sentence: " + bad);
    }

    @Test
    void brokenVariants_declareInterestingOutcome_fixesForbidIt() {
        List<String> bad = new ArrayList<>();
        int broken = 0;
        for (Class<?> test : testClasses()) {
            List<Expect> expects = List.of(test.getAnnotationsByType(Outcome.class)).stream().map(Outcome::expect)
                    .collect(Collectors.toList());
            if (Variants.isBroken(test.getSimpleName())) {
                broken++;
                if (!expects.contains(Expect.ACCEPTABLE_INTERESTING) || expects.contains(Expect.FORBIDDEN)) {
                    bad.add(test.getSimpleName() + " is broken: its race must be ACCEPTABLE_INTERESTING, " + expects);
                }
            } else if (!expects.contains(Expect.FORBIDDEN) || expects.contains(Expect.ACCEPTABLE_INTERESTING)) {
                bad.add(test.getSimpleName() + " is a fix: the race must be FORBIDDEN, " + expects);
            }
        }
        assertTrue(bad.isEmpty(), () -> String.join(System.lineSeparator(), bad));
        assertFalse(broken == 0, "no broken variant found");
    }

    static List<Class<?>> testClasses() {
        // jcstress's own reader of META-INF/TestList, so the suite sees exactly what jcstress sees.
        return TestList.tests().stream().sorted().map(Variants::load).collect(Collectors.toList());
    }
}
