package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.runtime.RoundReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchTests {

    @Test
    void inputArguments_repeated_keepsWhatChangesTheProgramsBehaviourInOrder() {
        List<String> jvm = List.of("-javaagent:/x/jostle.jar", "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Xmx2g",
                "-Dname=a b", "-XX:+UseSerialGC", "-ea:com.acme...", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
                "-Xss4m", "-enableassertions", "-da", "-Xshare:auto", "-ea");

        assertEquals(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dname=a b", "-ea:com.acme...",
                "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "-Xss4m", "-enableassertions", "-ea"),
                Launch.repeated(jvm));
    }

    @Test
    void replayLine_launchWithOptionsAndADirectoryWithASpace_startsThereWithTheOptionsQuoted() throws Exception {
        HuntOptions options = HuntArguments.parse("--seed", "5", "com.acme.Main");
        Launch launch = new Launch(List.of("-Dname=a b", "-Xss4m"), Path.of("/work/my project"));
        RoundReport round = new dev.jostle.agent.runtime.Session(options.strategy(), 42, false)
                .openRound(0, Thread.currentThread()).end();

        String line = Replay.command(options, launch, round, null);

        assertTrue(line.startsWith("cd '/work/my project' && java '-Dname=a b' -Xss4m -jar "), line);
        assertTrue(line.endsWith(" --seed 42 --rounds 1 --parallel 1 com.acme.Main"), line);
    }
}
