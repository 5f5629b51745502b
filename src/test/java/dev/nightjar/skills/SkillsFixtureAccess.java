package dev.nightjar.skills;

import dev.nightjar.Workspace;

/** Lets tests in other packages seed the skills fixture. */
public final class SkillsFixtureAccess {
    private SkillsFixtureAccess() {
    }

    public static void seed(Workspace ws) {
        SkillsFixture.seed(ws);
    }
}
