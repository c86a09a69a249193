package dev.jostle.stress.realworld;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One Surefire execution as its XML reports tell it: every test case by {@code fully.qualified.Class#name},
 * and the time its test classes took, summed from the suites' {@code time} attributes.
 */
record SurefireRun(String name, Map<String, TestOutcome> tests, double seconds) {

    /** Reads every {@code TEST-*.xml} of a reports folder; a folder that does not exist is a run with no test. */
    static SurefireRun read(String name, Path reportsDir) throws IOException {
        Map<String, TestOutcome> tests = new TreeMap<>();
        double seconds = 0;
        if (!Files.isDirectory(reportsDir)) {
            return new SurefireRun(name, tests, 0);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(reportsDir)) {
            files = listing.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        for (Path file : files) {
            Element suite = parse(file).getDocumentElement();
            seconds += number(suite.getAttribute("time"));
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                tests.put(testCase.getAttribute("classname") + "#" + testCase.getAttribute("name"), outcome(testCase));
            }
        }
        return new SurefireRun(name, tests, seconds);
    }

    /** The tests that ran (not skipped). */
    long ran() {
        return tests.values().stream().filter(TestOutcome::ran).count();
    }

    long count(TestOutcome.Status status) {
        return tests.values().stream().filter(o -> o.status() == status).count();
    }

    /**
     * The outcome of a test by its method's name, also when a test template renamed it ({@code m()[1]}).
     *
     * @return {@code null} if no such test ran
     */
    TestOutcome find(String className, String method) {
        TestOutcome exact = tests.get(className + "#" + method);
        if (exact != null) {
            return exact;
        }
        return tests.entrySet().stream()
                .filter(e -> e.getKey().startsWith(className + "#" + method + "("))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static TestOutcome outcome(Element testCase) {
        for (String tag : new String[] {"failure", "error", "skipped"}) {
            NodeList found = testCase.getElementsByTagName(tag);
            if (found.getLength() > 0) {
                Element element = (Element) found.item(0);
                TestOutcome.Status status = switch (tag) {
                    case "failure" -> TestOutcome.Status.FAILED;
                    case "error" -> TestOutcome.Status.ERROR;
                    default -> TestOutcome.Status.SKIPPED;
                };
                String message = element.getAttribute("message");
                return new TestOutcome(status, message.isEmpty() ? element.getAttribute("type") : message);
            }
        }
        return new TestOutcome(TestOutcome.Status.PASSED, null);
    }

    private static double number(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        // Surefire writes thousands with a separator in some locales ("1,234.5").
        return Double.parseDouble(text.replace(",", ""));
    }

    private static Document parse(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IOException("cannot read Surefire report " + file + ": " + e.getMessage(), e);
        }
    }
}
