/**
 * Everything Dari reads from the environment, in one place, validated once.
 * The README's "Configuration" table documents each variable; keep both in step.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const environmentSchema = z.object({
	DATA_DIR: z.string().min(1).default('data'),
	DATABASE_URL: z.string().optional(),
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	ORIGIN: z.string().url().optional(),
	SMTP_URL: z.string().optional(),
	MAIL_FROM: z.string().default('Dari <dari@localhost>'),
	DEMO_DATA: z.enum(['on', 'off']).default('on'),
	DARI_SECRET: z.string().min(32).optional(),
	OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).default(2000)
});

export type DariConfig = z.infer<typeof environmentSchema> & { dataDirectory: string };

export function readConfig(environment: NodeJS.ProcessEnv = process.env): DariConfig {
	const parsed = environmentSchema.safeParse(
		Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''))
	);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
		throw new ConfigurationError(`Invalid environment: ${problems.join('; ')}`);
	}
	return { ...parsed.data, dataDirectory: resolve(parsed.data.DATA_DIR) };
}

export class ConfigurationError extends Error {}

/** A postgres:// (or postgresql://) URL, as opposed to a SQLite file path. */
export function isPostgresLocation(location: string): boolean {
	return /^postgres(ql)?:\/\//.test(location);
}

/** Where the embedded SQLite database lives when DATABASE_URL is not set. */
export function databaseLocation(config: DariConfig): string {
	if (config.DATABASE_URL) return config.DATABASE_URL;
	mkdirSync(config.dataDirectory, { recursive: true });
	return join(config.dataDirectory, 'dari.sqlite');
}

/**
 * The secret that keys token digests. From DARI_SECRET, or generated once and kept in the data
 * directory (mode 0600) so that a laptop install needs nothing set. Several hosts sharing one
 * PostgreSQL database must set DARI_SECRET to the same value.
 */
export function loadSecret(config: DariConfig): string {
	if (config.DARI_SECRET) return config.DARI_SECRET;
	mkdirSync(config.dataDirectory, { recursive: true });
	const file = join(config.dataDirectory, 'secret');
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	const secret = randomBytes(32).toString('base64url');
	try {
		writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
		return secret;
	} catch {
		// Another process wrote it first: use theirs.
		return readFileSync(file, 'utf8').trim();
	}
}
