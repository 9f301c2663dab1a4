import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/demo-data/demo-data';
import type { DariInstance } from '../app';
import { ConfigurationError } from '../config/config';
import { DatabaseUnavailableError } from '../db/connection';

/** What `npm start` prints: where Dari is and how to sign in as each demo role. */
export function printStartBanner(instance: DariInstance): void {
	const { config, database } = instance;
	const url = config.ORIGIN ?? `http://localhost:${config.PORT}`;
	const lines = [
		'',
		`  Dari is starting at ${url}`,
		`  database: ${database.dialect} (${database.description})`,
		instance.demoDataLoaded ? '  demo data: loaded into the new database' : '',
		config.SMTP_URL ? `  e-mail: sent through ${redact(config.SMTP_URL)}` : `  e-mail: kept in the outbox; read it at ${url}/admin/mailbox (administrator)`
	];
	if (config.DEMO_DATA === 'on') {
		lines.push('', `  Demo accounts (password: ${DEMO_PASSWORD}, or ask for a magic link):`);
		for (const account of DEMO_ACCOUNTS) lines.push(`    ${account.role.padEnd(14)} ${account.email}`);
	}
	console.log(lines.filter((line) => line !== '').join('\n') + '\n');
}

function redact(url: string): string {
	return url.replace(/\/\/[^@/]*@/, '//***@');
}

export function describeStartFailure(error: unknown): string {
	if (error instanceof DatabaseUnavailableError || error instanceof ConfigurationError) {
		return `Dari cannot start. ${error.message}`;
	}
	return `Dari cannot start: ${(error as Error)?.message ?? String(error)}`;
}
