package dev.jostle.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JcstressSettingsTests {

    @Test
    void defaults_buildCheapestCommandThatCatchesTheSamples() {
        List<String> args = JcstressSettings.forTests("^com\\.acme\\.").mainArguments(Paths.get("/r"));
        String allCores = String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors()));
        assertEquals(List.of("-t", "^com\\.acme\\.", "-m", "quick", "-c", allCores, "-f", "1", "-sc", "false",
                "-jvmArgs", "-Xmx256m", "-r", "/r"), args);
    }

    @Test
    void description_saysHowManyOfTheCoresTheRunUses() {
        String described = JcstressSettings.forTests("x").cpus(2).toString();

        assertTrue(described.contains(" -c 2 (of " + Runtime.getRuntime().availableProcessors() + " cores) "),
                described);
    }

    @Test
    void agentJar_isPrependedToForkedVmArguments(@TempDir Path dir) throws IOException {
        Path jar = Files.createFile(dir.resolve("jostle-agent.jar"));
        Properties p = new Properties();
        p.setProperty("jostle.jcstress.agent", "true");
        p.setProperty("jostle.agent.jar", jar.toString());
        List<String> args = JcstressSettings.fromProperties("x", p).mainArguments(Paths.get("/r"));
        assertEquals("-javaagent:" + jar.toAbsolutePath(), args.get(args.indexOf("-jvmArgsPrepend") + 1));
    }

    @Test
    void agentTrue_withoutJarProperty_isRejectedNamingBoth() {
        Properties p = new Properties();
        p.setProperty("jostle.jcstress.agent", "true");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JcstressSettings.fromProperties("x", p));
        assertTrue(e.getMessage().contains("jostle.jcstress.agent=true") && e.getMessage().contains("jostle.agent.jar"),
                e.getMessage());
    }

    @Test
    void missingAgentJar_isRejectedNamingThePath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JcstressSettings.forTests("x").agentJar(Paths.get("no/such/agent.jar")));
        assertTrue(e.getMessage().contains("no/such/agent.jar"), e.getMessage());
    }

    @Test
    void zeroForks_isRejected_becauseJcstressWouldRunNothingAndExitZero() {
        Properties p = new Properties();
        p.setProperty("jostle.jcstress.forks", "0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JcstressSettings.fromProperties("x", p));
        assertTrue(e.getMessage().startsWith("jostle.jcstress.forks=0"), e.getMessage());
    }

    @Test
    void unknownMode_isRejectedListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JcstressSettings.forTests("x").mode("fast"));
        assertTrue(e.getMessage().contains("'fast'") && e.getMessage().contains("sanity, quick, default"),
                e.getMessage());
    }

    @Test
    void malformedRegex_isRejectedNamingTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JcstressSettings.forTests("dev.(jostle"));
        assertTrue(e.getMessage().startsWith("jostle.jcstress.tests='dev.(jostle'"), e.getMessage());
    }

    @Test
    void systemProperties_overrideModeAndTests() {
        Properties p = new Properties();
        p.setProperty("jostle.jcstress.mode", "Tough");
        p.setProperty("jostle.jcstress.tests", "LostUpdate");
        JcstressSettings s = JcstressSettings.fromProperties("^dev\\.", p);
        assertEquals("tough", s.mode());
        assertEquals("LostUpdate", s.tests());
    }
}
