import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** Where the embedded database lives unless told otherwise. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'rapport');
}

const ConfigSchema = z.object({
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
});
export type Config = z.infer<typeof ConfigSchema>;

/**
 * Reads configuration from flags first, then the environment, then defaults.
 * Flags: --data DIR, --port N, --host H. Environment: RAPPORT_DATA, DATABASE_URL, PORT, HOST.
 */
export function loadConfig(
  flags: { data?: string; port?: string | number; host?: string } = {},
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const parsed = ConfigSchema.safeParse({
    dataDir: flags.data ?? env.RAPPORT_DATA ?? defaultDataDir(env),
    databaseUrl: env.DATABASE_URL || undefined,
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    port: flags.port ?? env.PORT ?? 4310,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
