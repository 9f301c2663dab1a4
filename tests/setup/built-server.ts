/**
 * The built server (build/, behind scripts/serve.js) as a child process, for tests that need real
 * processes: start it on a data directory (SQLite) or a fresh PostgreSQL database, post forms as a
 * browser would, kill it. Needs `npm run build` first (npm test does it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { withDatabase } from './global-database';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DEMO_PASSWORD = 'dari-demo-2026';

export function requireBuild(): void {
	if (!existsSync(join(ROOT, 'build', 'handler.js'))) {
		throw new Error('build/ is missing: run `npm run build` before this suite (npm test does).');
	}
}

export async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export interface RunningServer {
	origin: string;
	process: ChildProcess;
	output: () => string;
	exited: Promise<number | null>;
}

/** Starts `node scripts/serve.js` and waits until /healthz answers 200. */
export async function startServer(environment: Record<string, string>): Promise<RunningServer> {
	const port = await freePort();
	let output = '';
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', OUTBOX_INTERVAL_MS: '100000', ...environment },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	const origin = `http://localhost:${port}`;
	for (let attempt = 0; attempt < 600; attempt++) {
		if (child.exitCode !== null) break;
		try {
			if ((await fetch(`${origin}/healthz`)).ok) return { origin, process: child, output: () => output, exited };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	child.kill('SIGKILL');
	throw new Error(`server did not start:\n${output}`);
}

export function cookieOf(response: Response, name: string): string | undefined {
	return response.headers
		.getSetCookie()
		.find((cookie) => cookie.startsWith(`${name}=`));
}

/** A form post as a browser sends it without JavaScript (same-origin header for the CSRF check). */
export async function postForm(origin: string, path: string, fields: Record<string, string>, cookie = '', headerOrigin = origin): Promise<Response> {
	return fetch(`${origin}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: headerOrigin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie },
		body: new URLSearchParams(fields)
	});
}

/** Signs in with the demo password; returns the `dari_session=…` cookie pair. */
export async function signIn(origin: string, email: string): Promise<string> {
	const response = await postForm(origin, '/fr/sign-in?/password', { email, password: DEMO_PASSWORD, redirectTo: '' });
	const cookie = cookieOf(response, 'dari_session');
	if (response.status !== 303 || !cookie) throw new Error(`sign-in as ${email} failed: ${response.status}`);
	return cookie.split(';')[0];
}

/** Where a server keeps its data: a fresh directory (SQLite) or a fresh, empty PostgreSQL database. */
export interface ServerData {
	dialect: 'sqlite' | 'postgres';
	environment: Record<string, string>;
	/** The SQLite file (when dialect is sqlite). */
	sqliteFile: string;
	/** The database URL (when dialect is postgres). */
	databaseUrl: string;
	cleanup(): Promise<void>;
}

export const SERVER_DIALECTS: ServerData['dialect'][] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export async function prepareServerData(dialect: ServerData['dialect']): Promise<ServerData> {
	const dataDirectory = mkdtempSync(join(tmpdir(), 'dari-server-'));
	const sqliteFile = join(dataDirectory, 'dari.sqlite');
	if (dialect === 'sqlite') {
		return {
			dialect,
			environment: { DATA_DIR: dataDirectory },
			sqliteFile,
			databaseUrl: '',
			cleanup: async () => rmSync(dataDirectory, { recursive: true, force: true })
		};
	}
	const url = process.env.TEST_DATABASE_URL!;
	const name = `dari_server_${randomBytes(5).toString('hex')}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	const databaseUrl = withDatabase(url, name);
	return {
		dialect,
		environment: { DATA_DIR: dataDirectory, DATABASE_URL: databaseUrl },
		sqliteFile,
		databaseUrl,
		cleanup: async () => {
			await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
			rmSync(dataDirectory, { recursive: true, force: true });
		}
	};
}
