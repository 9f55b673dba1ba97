/**
 * Whether a refresh token went unused for longer than the idle lifetime (seconds; 0 turns the
 * limit off). A family's current refresh token was created at its last use, so its age is the
 * family's idle time.
 */
export function isIdleExpired(createdAt: Date, idleLifetime: number, now: Date): boolean {
  return idleLifetime > 0 && now.getTime() - createdAt.getTime() > idleLifetime * 1000;
}

/**
 * Whether a rotated refresh token is still inside the reuse interval (seconds) of its rotation.
 * An interval of 0 admits no replay at all, even where the database rounds times to whole
 * seconds (MariaDB's default) and a replay seems to come before the rotation.
 */
export function isWithinReuseInterval(rotatedAt: Date, reuseInterval: number, now: Date): boolean {
  return reuseInterval > 0 && now.getTime() - rotatedAt.getTime() <= reuseInterval * 1000;
}
