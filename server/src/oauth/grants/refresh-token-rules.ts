/**
 * Whether a refresh token went unused for longer than the idle lifetime (seconds; 0 turns the
 * limit off). A family's current refresh token was created at its last use, so its age is the
 * family's idle time.
 */
export function isIdleExpired(createdAt: Date, idleLifetime: number, now: Date): boolean {
  return idleLifetime > 0 && now.getTime() - createdAt.getTime() > idleLifetime * 1000;
}

/** Whether a rotated refresh token is still inside the reuse interval (seconds) of its rotation. */
export function isWithinReuseInterval(rotatedAt: Date, reuseInterval: number, now: Date): boolean {
  return now.getTime() - rotatedAt.getTime() <= reuseInterval * 1000;
}
