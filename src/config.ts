import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** Where the embedded database lives unless told otherwise. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'rapport');
}

/** Who may make an account on a hosted server. */
export const SIGN_UP_MODES = ['open', 'invite-only', 'off'] as const;
export type SignUpMode = (typeof SIGN_UP_MODES)[number];

/**
 * Where a hosted server sends its own mail (password reset, e-mail verification): an
 * smtp:// (STARTTLS when offered) or smtps:// address with the user and password in it.
 */
const SmtpUrlSchema = z.string().refine(
  (u) => {
    try {
      const url = new URL(u);
      return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
    } catch {
      return false;
    }
  },
  // Never the address itself: it holds the password.
  { error: '--smtp-url must look like smtp://user:password@host:587 or smtps://user:password@host:465' },
);

/** The settings of hosted mode (`serve --hosted`); absent in local mode. */
const HostedSchema = z.object({
  /** The address people open, e.g. https://rapport.example.org: the Host check and cookies follow it. */
  publicUrl: z
    .url({ protocol: /^https?$/, error: '--public-url must be an http:// or https:// address' })
    .transform((u) => new URL(u).origin),
  /** Read the client's address and scheme from X-Forwarded-For / X-Forwarded-Proto (behind a proxy). */
  trustedProxy: z.boolean(),
  signUp: z.enum(SIGN_UP_MODES, { error: 'sign-up must be open, invite-only or off' }),
  /** Signs session cookies; the same on every process of one server. */
  authSecret: z
    .string({ error: 'hosted mode needs RAPPORT_AUTH_SECRET: 32 or more random characters' })
    .min(32, 'RAPPORT_AUTH_SECRET must be 32 or more random characters'),
  /** The server's own outgoing mail; without it, password reset and e-mail verification say they cannot send. */
  smtpUrl: SmtpUrlSchema.optional(),
  /** The From of the server's mail, e.g. "Rapport <rapport@example.org>"; defaults to the SMTP user. */
  mailFrom: z.string().min(3).optional(),
});
export type HostedConfig = z.infer<typeof HostedSchema>;

const ConfigSchema = z.object({
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  hosted: HostedSchema.optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

export interface ConfigFlags {
  data?: string;
  port?: string | number;
  host?: string;
  hosted?: boolean;
  publicUrl?: string;
  trustedProxy?: boolean;
  signUp?: string;
  smtpUrl?: string;
  mailFrom?: string;
}

/**
 * Reads configuration from flags first, then the environment, then defaults.
 * Flags: --data DIR, --port N, --host H, --hosted, --public-url URL, --trusted-proxy, --sign-up MODE,
 * --smtp-url URL, --mail-from ADDRESS.
 * Environment: RAPPORT_DATA, DATABASE_URL, PORT, HOST, RAPPORT_HOSTED=1, RAPPORT_PUBLIC_URL,
 * RAPPORT_TRUSTED_PROXY=1, RAPPORT_SIGN_UP, RAPPORT_AUTH_SECRET, RAPPORT_SMTP_URL, RAPPORT_MAIL_FROM.
 */
export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const hosted = flags.hosted ?? env.RAPPORT_HOSTED === '1';
  if (hosted && !env.DATABASE_URL) {
    throw new Error(
      'Hosted mode runs on PostgreSQL only: the embedded database holds one person on one machine. Set DATABASE_URL=postgres://user:password@host/database and start again.',
    );
  }
  const parsed = ConfigSchema.safeParse({
    dataDir: flags.data ?? env.RAPPORT_DATA ?? defaultDataDir(env),
    databaseUrl: env.DATABASE_URL || undefined,
    host: flags.host ?? env.HOST ?? (hosted ? '0.0.0.0' : '127.0.0.1'),
    port: flags.port ?? env.PORT ?? 4310,
    hosted: hosted
      ? {
          publicUrl: flags.publicUrl ?? env.RAPPORT_PUBLIC_URL,
          trustedProxy: flags.trustedProxy ?? env.RAPPORT_TRUSTED_PROXY === '1',
          signUp: flags.signUp ?? env.RAPPORT_SIGN_UP ?? 'open',
          authSecret: env.RAPPORT_AUTH_SECRET,
          smtpUrl: flags.smtpUrl ?? (env.RAPPORT_SMTP_URL || undefined),
          mailFrom: flags.mailFrom ?? (env.RAPPORT_MAIL_FROM || undefined),
        }
      : undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
