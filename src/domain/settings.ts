import { z } from 'zod';

/**
 * Workspace settings: the method's numbers that users may change (method.md marks them
 * "configurable"). Stored as JSON on the workspace; missing keys take these defaults.
 */
export const SettingsSchema = z.object({
  activeTargets: z.number().int().min(1).max(40).default(5),
  requestWarnWords: z.number().int().min(20).max(500).default(75),
  requestStrongWords: z.number().int().min(20).max(1000).default(100),
  meetingWarnMinutes: z.number().int().min(15).max(240).default(45),
  secondContactAfterBusinessDays: z.number().int().min(1).max(30).default(3),
  followUpAfterBusinessDays: z.number().int().min(1).max(60).default(7),
  reportBackDays: z.number().int().min(1).max(365).default(14),
  keepInTouchDefaultDays: z.number().int().min(7).max(730).default(90),
  holidays: z.array(z.iso.date()).max(400).default([]),
  weeklyMeetingGoal: z.number().int().min(0).max(50).default(2),
  /** The daily e-mail of Today's list, sent through the connected mailbox to itself; off unless asked. */
  digestEnabled: z.boolean().default(false),
  /** The hour of the user's day (0–23, their time zone) from which the digest goes out. */
  digestHour: z.number().int().min(0).max(23).default(7),
});

export type Settings = z.infer<typeof SettingsSchema>;

export { DEFAULT_MY_NAME } from './my-name.js';

/** Reads stored settings, ignoring unknown or invalid values rather than failing the app. */
export function readSettings(stored: unknown): Settings {
  const base = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const result: Record<string, unknown> = {};
  const shape = SettingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const parsed = shape[key].safeParse(base[key]);
    if (parsed.success) result[key] = parsed.data;
  }
  return SettingsSchema.parse(result);
}
