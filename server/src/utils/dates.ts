/**
 * Formats a stored datetime as an ISO 8601 string. Database drivers return a Date or a string
 * depending on the database, and the admin and user APIs always send the ISO form.
 */
export function toIsoString(value: string | Date): string;
export function toIsoString(value: string | Date | null): string | null;
export function toIsoString(value: string | Date | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
