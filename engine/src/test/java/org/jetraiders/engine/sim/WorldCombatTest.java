package org.jetraiders.engine.sim;

import static org.jetraiders.engine.sim.SimFixtures.EPS;
import static org.jetraiders.engine.sim.SimFixtures.removedThisTick;
import static org.jetraiders.engine.sim.SimFixtures.runningWorld;
import static org.jetraiders.engine.sim.SimFixtures.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetraiders.engine.LobbyStatus;
import org.jetraiders.engine.Tuning;
import org.junit.jupiter.api.Test;

/**
 * Hits, damage, deaths, kills and respawns. The usual set-up: the target (player 2, slot 1) sits at
 * the origin; the shooter (player 1, slot 0) faces down (rot = pi) from (0, d - 24), so its shot
 * spawns straight below the target at distance d and flies away from it.
 */
class WorldCombatTest {
    private static final int SHOOTER = 0;
    private static final int TARGET = 1;

    private final World world = runningWorld(2);

    private void shooterBelowTargetAtDistance(double d) {
        world.placePlane(TARGET, 0, 0, 0);
        world.placePlane(SHOOTER, 0, d - 24, Math.PI);
    }

    private void fireOnce() {
        world.setInput(SHOOTER, 0, 0, true, 1);
        world.step();
        world.setInput(SHOOTER, 0, 0, false, 2);
    }

    @Test
    void shouldHitAtExactlyTheHitDistance() {
        shooterBelowTargetAtDistance(29);
        fireOnce();
        assertEquals(1, world.events().hitCount());
        assertEquals(70, world.planeHp(TARGET));
        assertEquals(0, world.projectileCount());
    }

    @Test
    void shouldHitJustInsideTheHitDistance() {
        shooterBelowTargetAtDistance(28.99);
        fireOnce();
        assertEquals(1, world.events().hitCount());
        assertEquals(70, world.planeHp(TARGET));
    }

    @Test
    void shouldMissJustOutsideTheHitDistance() {
        shooterBelowTargetAtDistance(29.01);
        fireOnce();
        assertEquals(0, world.events().hitCount());
        assertEquals(1, world.projectileCount());
        steps(world, 200);
        assertEquals(100, world.planeHp(TARGET));
    }

    @Test
    void shouldReportHitAndRemoveTheProjectile() {
        shooterBelowTargetAtDistance(20);
        fireOnce();
        TickEvents e = world.events();
        assertEquals(1, e.hitCount());
        assertEquals(1, e.hitProjectileId(0));
        assertEquals(1, e.hitShooterId(0));
        assertEquals(2, e.hitVictimId(0));
        assertEquals(30, e.hitDamage(0));
        assertEquals(70, e.hitVictimHp(0));
        assertEquals(0, e.killCount());
        assertTrue(removedThisTick(world, 1));
        assertEquals(0, world.projectileCount());
    }

    @Test
    void shouldNotHitTheOwner() {
        world.placePlane(TARGET, 300, 200, 0);
        world.placePlane(SHOOTER, 0, 0, 0);
        fireOnce(); // the nose is 24 px from the shooter's own centre, inside 29
        assertEquals(0, world.events().hitCount());
        assertEquals(1, world.projectileCount());
        assertEquals(100, world.planeHp(SHOOTER));
    }

    @Test
    void shouldHitOnlyTheNearestOfSeveralPlanesInRange() {
        World w = runningWorld(3);
        w.placePlane(0, 0, 100, 0);          // shooter, nose at (0, 76)
        w.placePlane(1, 0, 76 - 20, 0);      // 20 px away, lower slot
        w.placePlane(2, 10, 76, 0);          // 10 px away
        w.setInput(0, 0, 0, true, 1);
        w.step();
        assertEquals(1, w.events().hitCount());
        assertEquals(3, w.events().hitVictimId(0));
        assertEquals(100, w.planeHp(1));
        assertEquals(70, w.planeHp(2));
    }

    @Test
    void shouldHitTheLowestSlotWhenPlanesAreEquallyNear() {
        World w = runningWorld(3);
        w.placePlane(0, 0, 100, 0);          // nose at (0, 76)
        w.placePlane(2, -15, 76, 0);         // left, higher slot
        w.placePlane(1, 15, 76, 0);          // right, lower slot
        w.setInput(0, 0, 0, true, 1);
        w.step();
        assertEquals(1, w.events().hitCount());
        assertEquals(2, w.events().hitVictimId(0), "player 2 is in slot 1");
        assertEquals(70, w.planeHp(1));
        assertEquals(100, w.planeHp(2));
    }

    @Test
    void shouldDieAfterFourHitsOfThirtyAndCreditTheKill() {
        shooterBelowTargetAtDistance(29);
        world.setInput(SHOOTER, 0, 0, true, 1);
        long versionBefore = world.scoresVersion();
        int[] expectedHp = {70, 40, 10, 0};
        for (int shot = 0; shot < 4; shot++) {
            world.step();
            assertEquals(1, world.events().hitCount(), "shot " + shot);
            assertEquals(30, world.events().hitDamage(0));
            assertEquals(expectedHp[shot], world.events().hitVictimHp(0));
            assertEquals(expectedHp[shot], world.planeHp(TARGET));
            if (shot < 3) {
                assertTrue(world.planeAlive(TARGET));
                assertEquals(0, world.events().killCount());
                assertEquals(versionBefore, world.scoresVersion());
                steps(world, 5);
            }
        }
        assertFalse(world.planeAlive(TARGET));
        assertEquals(1, world.events().killCount());
        assertEquals(1, world.events().killKillerId(0));
        assertEquals(2, world.events().killVictimId(0));
        assertEquals(1, world.kills(SHOOTER));
        assertEquals(0, world.deaths(SHOOTER));
        assertEquals(0, world.kills(TARGET));
        assertEquals(1, world.deaths(TARGET));
        assertTrue(world.scoresVersion() > versionBefore);
    }

    private void killTarget() {
        shooterBelowTargetAtDistance(29);
        world.setInput(SHOOTER, 0, 0, true, 1);
        for (int i = 0; i < 4 * 6 && world.planeAlive(TARGET); i++) {
            world.step();
        }
        assertFalse(world.planeAlive(TARGET));
        world.setInput(SHOOTER, 0, 0, false, 2);
    }

    @Test
    void shouldNeitherMoveTurnNorBeHitWhileDead() {
        killTarget();
        world.setInput(TARGET, 1, 1, true, 7);
        world.setInput(SHOOTER, 0, 0, true, 3); // keeps firing through the dead target's position
        for (int i = 0; i < 59; i++) {
            world.step();
            assertFalse(world.planeAlive(TARGET));
            assertEquals(0, world.events().hitCount());
            assertEquals(0, world.planeX(TARGET), 0.0);
            assertEquals(0, world.planeY(TARGET), 0.0);
            assertEquals(0, world.planeRot(TARGET), 0.0);
            assertEquals(0, world.planeHp(TARGET));
        }
        for (int i = 0; i < world.projectileCount(); i++) {
            assertEquals(1, world.projectileOwner(i), "the dead plane never fires");
        }
    }

    @Test
    void shouldRespawnExactlySixtyTicksAfterDeathWithFullHpRotZeroThrottleZeroAndClearedInput() {
        killTarget();
        long deathTick = world.tick();
        world.setInput(TARGET, 1, 1, true, 77);
        while (!world.planeAlive(TARGET)) {
            world.step();
            if (!world.planeAlive(TARGET)) {
                assertEquals(0, world.events().spawnCount());
            }
        }
        assertEquals(deathTick + 60, world.tick());
        assertEquals(1, world.events().spawnCount());
        assertEquals(2, world.events().spawnPlayerId(0));
        assertEquals(100, world.planeHp(TARGET));
        assertEquals(0, world.planeRot(TARGET), 0.0);
        assertEquals(0, world.planeThrottle(TARGET), 0.0);
        assertEquals(77, world.lastInputSeq(TARGET), "the sequence survives the cleared input");
        double x = world.planeX(TARGET);
        double y = world.planeY(TARGET);
        int projectiles = world.projectileCount();
        world.step();
        assertEquals(x, world.planeX(TARGET), 0.0, "input was cleared: no thrust");
        assertEquals(y, world.planeY(TARGET), 0.0);
        assertEquals(0, world.planeRot(TARGET), 0.0, "input was cleared: no turn");
        assertEquals(projectiles, world.projectileCount(), "input was cleared: no shooting");
    }

    @Test
    void shouldRespawnInsideTheBounds() {
        killTarget();
        steps(world, 60);
        assertTrue(world.planeAlive(TARGET));
        assertTrue(world.planeX(TARGET) >= -400 && world.planeX(TARGET) <= 400);
        assertTrue(world.planeY(TARGET) >= -230 && world.planeY(TARGET) <= 230);
    }

    @Test
    void shouldResetThrottleOnDeath() {
        world.placePlane(TARGET, 0, 0, 0);
        world.setThrottle(TARGET, 1);
        world.setInput(SHOOTER, 0, 0, true, 1);
        for (int i = 0; i < 30 && world.planeAlive(TARGET); i++) {
            // the target flies up 2.5 px a tick; keep the shooter's nose 10 px behind its next position
            world.placePlane(SHOOTER, 0, world.planeY(TARGET) - 2.5 + 10 + 24, 0);
            world.step();
        }
        assertFalse(world.planeAlive(TARGET));
        assertTrue(world.planeY(TARGET) <= -45, "it was flying at full throttle until it died");
        assertEquals(0, world.planeThrottle(TARGET), 0.0);
    }

    @Test
    void shouldDealNoDamageDuringTheCountdown() {
        Tuning tuning = Tuning.defaults().toBuilder().countdownSeconds(3).build();
        World w = new World(tuning, 60, 4, 1L);
        w.addPlayer(1, "a");
        w.addPlayer(2, "b");
        w.step();
        assertEquals(LobbyStatus.Phase.MATCH_STARTING, w.status().phase());
        w.placePlane(1, 0, 0, 0);
        w.placePlane(0, 0, 5, Math.PI);
        w.setInput(0, 0, 0, true, 1);
        int hits = 0;
        for (int i = 0; i < 120; i++) {
            w.step();
            for (int h = 0; h < w.events().hitCount(); h++) {
                assertEquals(0, w.events().hitDamage(h));
                assertEquals(100, w.events().hitVictimHp(h));
                assertTrue(removedThisTick(w, w.events().hitProjectileId(h)), "a hit still removes the projectile");
                hits++;
            }
        }
        assertEquals(20, hits);
        assertEquals(100, w.planeHp(1));
        assertEquals(0, w.projectileCount());
    }

    @Test
    void shouldDealDamageFromTheTickAfterTheMatchStartsRunning() {
        Tuning tuning = Tuning.defaults().toBuilder().countdownSeconds(1).build();
        World w = new World(tuning, 60, 4, 1L);
        w.addPlayer(1, "a");
        w.addPlayer(2, "b");
        w.placePlane(1, 0, 0, 0);
        w.placePlane(0, 0, 5, Math.PI);
        steps(w, 60);
        assertEquals(LobbyStatus.matchStarting(1), w.status());
        w.setInput(0, 0, 0, true, 1);
        w.step(); // the status published before this tick was MatchStarting: no damage yet
        assertEquals(LobbyStatus.MATCH_RUNNING, w.status());
        assertEquals(0, w.events().hitDamage(0));
        steps(w, 6);
        assertEquals(30, w.events().hitDamage(0));
        assertEquals(70, w.planeHp(1));
    }

    @Test
    void shouldDealNoDamageInTheLobby() {
        Tuning tuning = Tuning.defaults().toBuilder().minPlayersToStart(3).build();
        World w = new World(tuning, 60, 4, 1L);
        w.addPlayer(1, "a");
        w.addPlayer(2, "b");
        w.placePlane(1, 0, 0, 0);
        w.placePlane(0, 0, 5, Math.PI);
        w.setInput(0, 0, 0, true, 1);
        steps(w, 100);
        assertEquals(LobbyStatus.LOBBY, w.status());
        assertEquals(100, w.planeHp(1));
        assertEquals(0, w.kills(0));
    }

    @Test
    void shouldTakeDamageAndHitDistanceFromTuning() {
        Tuning tuning = SimFixtures.runningTuning().toBuilder().damage(60).planeRadius(10).projectileRadius(2).build();
        World w = new World(tuning, 60, 4, 1L);
        w.addPlayer(1, "a");
        w.addPlayer(2, "b");
        w.step();
        w.placePlane(1, 0, 0, 0);
        w.placePlane(0, 0, 12.5 - 24, Math.PI); // shot at 12.5 > 12: miss
        w.setInput(0, 0, 0, true, 1);
        w.step();
        assertEquals(0, w.events().hitCount());
        w.placePlane(0, 0, 12 - 24, Math.PI);   // shot at 12: hit
        steps(w, 6);
        assertEquals(1, w.events().hitCount());
        assertEquals(40, w.planeHp(1));
        steps(w, 6);
        assertFalse(w.planeAlive(1));
        assertEquals(1, w.kills(0));
        assertEquals(0, w.planeX(1), EPS);
    }

    @Test
    void shouldStillHitAtTheFinalMoveInTheTickAProjectileExpires() {
        Tuning tuning = SimFixtures.runningTuning().toBuilder().projectileLifetimeSeconds(0.1).build();
        World w = new World(tuning, 60, 4, 1L);
        w.addPlayer(1, "a");
        w.addPlayer(2, "b");
        w.step();
        w.placePlane(1, 0, 0, 0);
        w.placePlane(0, 0, 24 + 78.5, 0); // the shot flies up from 78.5 px below the target, 8.33 px a tick
        w.setInput(0, 0, 0, true, 1);
        w.step();
        w.setInput(0, 0, 0, false, 2);
        steps(w, 5);
        assertEquals(0, w.events().hitCount(), "36.8 px away after 5 moves");
        assertEquals(1, w.projectileCount());
        w.step(); // 6th move: life 0, but 28.5 px away first
        assertEquals(1, w.events().hitCount());
        assertEquals(70, w.planeHp(1));
        assertEquals(0, w.projectileCount());
    }
}
