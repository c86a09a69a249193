package dev.jostle.agent.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AgentConfigTests {

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    private static String message(String agentArgs, Properties properties) {
        return assertThrows(IllegalArgumentException.class, () -> AgentConfig.read(agentArgs, properties))
                .getMessage();
    }

    @Test
    void defaults_instrumentApplicationCodeButNotJdkToolOrTestInfrastructure() {
        AgentConfig config = AgentConfig.read(null, new Properties());
        assertTrue(config.instruments("com.acme.Counter"));
        assertTrue(config.instruments("dev.jostle.samples.lostupdate.LostUpdate_01_Broken"));
        assertFalse(config.instruments("java.util.ArrayList"));
        assertFalse(config.instruments("jdk.internal.misc.Unsafe"));
        assertFalse(config.instruments("sun.misc.Unsafe"));
        assertFalse(config.instruments("dev.jostle.agent.bootstrap.Hooks"));
        assertFalse(config.instruments("dev.jostle.hunt.Hunter"));
        assertFalse(config.instruments("net.bytebuddy.ByteBuddy"));
        assertFalse(config.instruments("org.junit.jupiter.api.Test"));
        assertFalse(config.instruments("kotlin.collections.CollectionsKt"));
        assertFalse(config.instruments(null));
        assertEquals(List.of(), config.include());
        assertEquals("include=(all) exclude=", config.toString());
    }

    @Test
    void include_limitsToThePrefixesAtANameBoundary() {
        AgentConfig config = AgentConfig.read("include=com.acme,org.shop.Cart", new Properties());
        assertTrue(config.instruments("com.acme.Counter"));
        assertTrue(config.instruments("com.acme.util.Box$Inner"));
        assertTrue(config.instruments("org.shop.Cart"));
        assertTrue(config.instruments("org.shop.Cart$Line"));
        assertFalse(config.instruments("com.acmeevil.Counter"));
        assertFalse(config.instruments("org.shop.CartView"));
        assertFalse(config.instruments("org.other.Thing"));
    }

    @Test
    void exclude_winsOverInclude() {
        AgentConfig config = AgentConfig.read("include=com.acme;exclude=com.acme.generated", new Properties());
        assertTrue(config.instruments("com.acme.Counter"));
        assertFalse(config.instruments("com.acme.generated.Parser"));
        assertTrue(config.instruments("com.acme.generatedness.Counter"));
    }

    @Test
    void systemProperty_winsOverTheAgentArgument() {
        AgentConfig config = AgentConfig.read("include=com.acme", properties("jostle.include", "org.shop"));
        assertFalse(config.instruments("com.acme.Counter"));
        assertTrue(config.instruments("org.shop.Cart"));
        assertEquals(List.of("org.shop"), config.include());
    }

    @Test
    void longerInclude_bringsBackADefaultExclusionButAShorterOneDoesNot() {
        assertTrue(AgentConfig.read("include=org.junit.myfork", new Properties())
                .instruments("org.junit.myfork.Racy"));
        AgentConfig broad = AgentConfig.read("include=org", new Properties());
        assertFalse(broad.instruments("org.junit.jupiter.api.Test"));
        assertTrue(broad.instruments("org.shop.Cart"));
    }

    @Test
    void includeNamingADefaultExclusionItself_bringsItBack() {
        AgentConfig kotlin = AgentConfig.read("include=kotlin", new Properties());
        assertTrue(kotlin.instruments("kotlin.SynchronizedLazyImpl"));
        assertFalse(kotlin.instruments("kotlinx.coroutines.Job"), "kotlinx is another package");
        assertTrue(AgentConfig.read("include=kotlin.", new Properties()).instruments("kotlin.Unit"));
        assertTrue(AgentConfig.read("include=org.junit", new Properties()).instruments("org.junit.jupiter.api.Test"));
        assertFalse(AgentConfig.read("include=org.jun", new Properties()).instruments("org.junit.jupiter.api.Test"));
    }

    @Test
    void alwaysExcluded_cannotBeIncluded() {
        AgentConfig config = AgentConfig.read("include=java.util,dev.jostle.agent", new Properties());
        assertFalse(config.instruments("java.util.ArrayList"));
        assertFalse(config.instruments("dev.jostle.agent.noise.Delays"));
    }

    @Test
    void malformedPrefix_namesTheSettingAndTheValue() {
        String message = message(null, properties("jostle.include", "com..acme"));
        assertTrue(message.contains("jostle.include") && message.contains("com..acme"), message);
        String slashes = message("exclude=com/acme", new Properties());
        assertTrue(slashes.contains("jostle.exclude") && slashes.contains("com/acme"), slashes);
    }

    @Test
    void emptyEntry_namesTheSettingAndTheValue() {
        String message = message(null, properties("jostle.exclude", "com.acme,,org.shop"));
        assertTrue(message.contains("jostle.exclude") && message.contains("com.acme,,org.shop"), message);
    }

    @Test
    void agentArgumentWithoutValue_orUnknownKey_isNamed() {
        String noValue = message("include", new Properties());
        assertTrue(noValue.contains("'include'") && noValue.contains("key=value"), noValue);
        String unknown = message("colour=red", new Properties());
        assertTrue(unknown.contains("colour"), unknown);
    }

    @Test
    void jostlePrefixedKeysAndBlankPairs_areAccepted() {
        AgentConfig config = AgentConfig.read(";jostle.include=com.acme; ;", new Properties());
        assertEquals(List.of("com.acme"), config.include());
    }
}
