package org.jetraiders.engine;

/**
 * Every number of the game rules (GAME_RULES.md), with the original Jet Raiders values as defaults.
 * Immutable; build with {@link #builder()} or start from {@link #defaults()} with {@link #toBuilder()}.
 * Durations are in seconds; the simulation converts them to whole ticks at the lobby's tick rate.
 */
public final class Tuning {
    private static final Tuning DEFAULTS = new Builder().build();

    private final double minX;
    private final double maxX;
    private final double minY;
    private final double maxY;
    private final double turnRate;
    private final double throttleRate;
    private final double maxSpeed;
    private final double planeRadius;
    private final int maxHp;
    private final double shotCooldownSeconds;
    private final double noseOffset;
    private final double projectileSpeed;
    private final double projectileLifetimeSeconds;
    private final double projectileRadius;
    private final int damage;
    private final double respawnSeconds;
    private final int countdownSeconds;
    private final int matchSeconds;
    private final int matchEndPauseSeconds;
    private final int minPlayersToStart;

    private Tuning(Builder b) {
        minX = b.minX;
        maxX = b.maxX;
        minY = b.minY;
        maxY = b.maxY;
        turnRate = b.turnRate;
        throttleRate = b.throttleRate;
        maxSpeed = b.maxSpeed;
        planeRadius = b.planeRadius;
        maxHp = b.maxHp;
        shotCooldownSeconds = b.shotCooldownSeconds;
        noseOffset = b.noseOffset;
        projectileSpeed = b.projectileSpeed;
        projectileLifetimeSeconds = b.projectileLifetimeSeconds;
        projectileRadius = b.projectileRadius;
        damage = b.damage;
        respawnSeconds = b.respawnSeconds;
        countdownSeconds = b.countdownSeconds;
        matchSeconds = b.matchSeconds;
        matchEndPauseSeconds = b.matchEndPauseSeconds;
        minPlayersToStart = b.minPlayersToStart;
    }

    /** The original game's numbers. */
    public static Tuning defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this tuning's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.minX = minX;
        b.maxX = maxX;
        b.minY = minY;
        b.maxY = maxY;
        b.turnRate = turnRate;
        b.throttleRate = throttleRate;
        b.maxSpeed = maxSpeed;
        b.planeRadius = planeRadius;
        b.maxHp = maxHp;
        b.shotCooldownSeconds = shotCooldownSeconds;
        b.noseOffset = noseOffset;
        b.projectileSpeed = projectileSpeed;
        b.projectileLifetimeSeconds = projectileLifetimeSeconds;
        b.projectileRadius = projectileRadius;
        b.damage = damage;
        b.respawnSeconds = respawnSeconds;
        b.countdownSeconds = countdownSeconds;
        b.matchSeconds = matchSeconds;
        b.matchEndPauseSeconds = matchEndPauseSeconds;
        b.minPlayersToStart = minPlayersToStart;
        return b;
    }

    /** Left edge of the world, px (default -400). */
    public double minX() { return minX; }
    /** Right edge of the world, px (default 400). */
    public double maxX() { return maxX; }
    /** Top edge of the world, px (default -230; y grows down). */
    public double minY() { return minY; }
    /** Bottom edge of the world, px (default 230). */
    public double maxY() { return maxY; }
    /** Turn rate at full turn input, rad/s (default 3.0). */
    public double turnRate() { return turnRate; }
    /** Throttle change per second at full thrust input (default 2.0). */
    public double throttleRate() { return throttleRate; }
    /** Speed at full throttle, px/s (default 150). */
    public double maxSpeed() { return maxSpeed; }
    /** Plane collision radius, px (default 24). */
    public double planeRadius() { return planeRadius; }
    /** Hit points of a fresh plane (default 100). */
    public int maxHp() { return maxHp; }
    /** Minimum time between two shots, s (default 0.1). */
    public double shotCooldownSeconds() { return shotCooldownSeconds; }
    /** Distance from the plane's centre to where its shots spawn, px (default 24). */
    public double noseOffset() { return noseOffset; }
    /** Projectile speed, px/s (default 500). */
    public double projectileSpeed() { return projectileSpeed; }
    /** Projectile lifetime, s (default 3.0). */
    public double projectileLifetimeSeconds() { return projectileLifetimeSeconds; }
    /** Projectile radius, px (default 5). */
    public double projectileRadius() { return projectileRadius; }
    /** Hit points a projectile takes off (default 30). */
    public int damage() { return damage; }
    /** Time from death to respawn, s (default 1.0). */
    public double respawnSeconds() { return respawnSeconds; }
    /** Countdown before a match runs, whole seconds (default 3). */
    public int countdownSeconds() { return countdownSeconds; }
    /** Match time limit, whole seconds; 0 means no limit (default 600). */
    public int matchSeconds() { return matchSeconds; }
    /** Pause after a match ends before the next countdown, whole seconds (default 5). */
    public int matchEndPauseSeconds() { return matchEndPauseSeconds; }
    /** Players needed to leave the Lobby state and start a match (default 1). */
    public int minPlayersToStart() { return minPlayersToStart; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuning t && Double.compare(minX, t.minX) == 0 && Double.compare(maxX, t.maxX) == 0
                && Double.compare(minY, t.minY) == 0 && Double.compare(maxY, t.maxY) == 0
                && Double.compare(turnRate, t.turnRate) == 0 && Double.compare(throttleRate, t.throttleRate) == 0
                && Double.compare(maxSpeed, t.maxSpeed) == 0 && Double.compare(planeRadius, t.planeRadius) == 0
                && maxHp == t.maxHp && Double.compare(shotCooldownSeconds, t.shotCooldownSeconds) == 0
                && Double.compare(noseOffset, t.noseOffset) == 0 && Double.compare(projectileSpeed, t.projectileSpeed) == 0
                && Double.compare(projectileLifetimeSeconds, t.projectileLifetimeSeconds) == 0
                && Double.compare(projectileRadius, t.projectileRadius) == 0 && damage == t.damage
                && Double.compare(respawnSeconds, t.respawnSeconds) == 0 && countdownSeconds == t.countdownSeconds
                && matchSeconds == t.matchSeconds && matchEndPauseSeconds == t.matchEndPauseSeconds
                && minPlayersToStart == t.minPlayersToStart;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(minX, maxX, minY, maxY, turnRate, throttleRate, maxSpeed, planeRadius, maxHp,
                shotCooldownSeconds, noseOffset, projectileSpeed, projectileLifetimeSeconds, projectileRadius, damage,
                respawnSeconds, countdownSeconds, matchSeconds, matchEndPauseSeconds, minPlayersToStart);
    }

    /** Mutable builder; {@link #build()} validates every value. */
    public static final class Builder {
        private double minX = -400;
        private double maxX = 400;
        private double minY = -230;
        private double maxY = 230;
        private double turnRate = 3.0;
        private double throttleRate = 2.0;
        private double maxSpeed = 150;
        private double planeRadius = 24;
        private int maxHp = 100;
        private double shotCooldownSeconds = 0.1;
        private double noseOffset = 24;
        private double projectileSpeed = 500;
        private double projectileLifetimeSeconds = 3.0;
        private double projectileRadius = 5;
        private int damage = 30;
        private double respawnSeconds = 1.0;
        private int countdownSeconds = 3;
        private int matchSeconds = 600;
        private int matchEndPauseSeconds = 5;
        private int minPlayersToStart = 1;

        private Builder() {
        }

        public Builder bounds(double minX, double maxX, double minY, double maxY) {
            this.minX = minX;
            this.maxX = maxX;
            this.minY = minY;
            this.maxY = maxY;
            return this;
        }

        public Builder turnRate(double radPerSecond) { this.turnRate = radPerSecond; return this; }
        public Builder throttleRate(double perSecond) { this.throttleRate = perSecond; return this; }
        public Builder maxSpeed(double pxPerSecond) { this.maxSpeed = pxPerSecond; return this; }
        public Builder planeRadius(double px) { this.planeRadius = px; return this; }
        public Builder maxHp(int hp) { this.maxHp = hp; return this; }
        public Builder shotCooldownSeconds(double s) { this.shotCooldownSeconds = s; return this; }
        public Builder noseOffset(double px) { this.noseOffset = px; return this; }
        public Builder projectileSpeed(double pxPerSecond) { this.projectileSpeed = pxPerSecond; return this; }
        public Builder projectileLifetimeSeconds(double s) { this.projectileLifetimeSeconds = s; return this; }
        public Builder projectileRadius(double px) { this.projectileRadius = px; return this; }
        public Builder damage(int hp) { this.damage = hp; return this; }
        public Builder respawnSeconds(double s) { this.respawnSeconds = s; return this; }
        public Builder countdownSeconds(int s) { this.countdownSeconds = s; return this; }
        public Builder matchSeconds(int s) { this.matchSeconds = s; return this; }
        public Builder matchEndPauseSeconds(int s) { this.matchEndPauseSeconds = s; return this; }
        public Builder minPlayersToStart(int n) { this.minPlayersToStart = n; return this; }

        /** @throws IllegalArgumentException naming the first invalid value */
        public Tuning build() {
            requireFinite("bounds", minX, maxX, minY, maxY);
            require(minX < maxX && minY < maxY, "bounds must have min < max");
            requirePositive("turnRate", turnRate);
            requirePositive("throttleRate", throttleRate);
            requirePositive("maxSpeed", maxSpeed);
            requirePositive("planeRadius", planeRadius);
            require(maxHp > 0, "maxHp must be > 0");
            requireDuration("shotCooldownSeconds", shotCooldownSeconds);
            requireFinite("noseOffset", noseOffset);
            requirePositive("projectileSpeed", projectileSpeed);
            requireDuration("projectileLifetimeSeconds", projectileLifetimeSeconds);
            requirePositive("projectileRadius", projectileRadius);
            require(damage >= 0, "damage must be >= 0");
            requireDuration("respawnSeconds", respawnSeconds);
            require(countdownSeconds >= 0 && countdownSeconds <= MAX_SECONDS, "countdownSeconds must be in [0, " + MAX_SECONDS + "]");
            require(matchSeconds >= 0 && matchSeconds <= MAX_SECONDS, "matchSeconds must be in [0, " + MAX_SECONDS + "] (0 = no limit)");
            require(matchEndPauseSeconds >= 0 && matchEndPauseSeconds <= MAX_SECONDS, "matchEndPauseSeconds must be in [0, " + MAX_SECONDS + "]");
            require(minPlayersToStart >= 1, "minPlayersToStart must be >= 1");
            return new Tuning(this);
        }

        private static void requireFinite(String name, double... values) {
            for (double v : values) {
                require(Double.isFinite(v), name + " must be finite");
            }
        }

        /** Longest duration a tuning value may ask for: a day, so tick counts always fit an int. */
        private static final int MAX_SECONDS = 86_400;

        private static void requireDuration(String name, double seconds) {
            require(Double.isFinite(seconds) && seconds > 0 && seconds <= MAX_SECONDS,
                    name + " must be in (0, " + MAX_SECONDS + "] seconds, was " + seconds);
        }

        private static void requirePositive(String name, double v) {
            require(Double.isFinite(v) && v > 0, name + " must be a finite number > 0, was " + v);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
