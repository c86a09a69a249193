package dev.jostle.bridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class LincheckBudgetTests {

    @Test
    void budgetProperty_selectsQuickByDefault_andLongByName() {
        assertSame(LincheckBudget.QUICK, LincheckBudget.named(new Properties()));
        Properties p = new Properties();
        p.setProperty("jostle.lincheck.budget", "LONG");
        assertSame(LincheckBudget.LONG, LincheckBudget.named(p));
    }

    @Test
    void unknownBudget_isRejectedNamingPropertyAndValue() {
        Properties p = new Properties();
        p.setProperty("jostle.lincheck.budget", "huge");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LincheckBudget.named(p));
        assertTrue(e.getMessage().startsWith("jostle.lincheck.budget='huge'"), e.getMessage());
    }

    @Test
    void quickBudget_staysFarBelowLincheckDefaults() {
        // Lincheck's defaults are 100 scenarios x 10,000 invocations: tens of seconds per class.
        assertTrue(LincheckBudget.QUICK.iterations() * (long) LincheckBudget.QUICK.invocationsPerIteration() <= 10_000);
        assertFalse(LincheckBudget.QUICK.withoutMinimizing().minimizes());
    }

    @Test
    void customBudget_withOneThread_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> LincheckBudget.of(1, 1, 1, 1));
    }
}
