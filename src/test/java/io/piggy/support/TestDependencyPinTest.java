package io.piggy.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jqwik 1.10.1's engine prints a text addressed to readers of the test output that has nothing to
 * do with the tests (docs/decisions.md, "jqwik pinned to 1.9.3"). Guard the pin so an upgrade is
 * a decision, not an accident.
 */
class TestDependencyPinTest {
    @Test
    void jqwikEngineIsThePinnedVersion() throws Exception {
        // The engine jar carries no version metadata; its file name in the local repository does.
        String jar = Class.forName("net.jqwik.engine.JqwikTestEngine")
                .getProtectionDomain().getCodeSource().getLocation().getPath();
        assertThat(jar).endsWith("/jqwik-engine-1.9.3.jar");
    }
}
