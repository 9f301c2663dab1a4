/**
 * Starting and stopping one Dari instance: configuration, database, migrations, demo data, the
 * outbox sender. Used by the web server (hooks.server.ts), the command line and the tests.
 */
import { hostname } from 'node:os';
import nodemailer from 'nodemailer';
import { databaseLocation, loadSecret, readConfig, type DariConfig } from './config/config';
import { openDatabase, type DatabaseHandle } from './db/connection';
import { loadDemoData } from './db/demo-data/demo-data';
import { migrateToLatest } from './db/migrations/index';
import { startOutboxSender } from './mail/outbox';
import { purgeExpired } from './auth/auth.service';
import { sendDueReminders } from './registrations/reminder.service';
import { passExpiredOffers } from './personal-programme/personal-programme.service';
import { systemClock, HOUR, MINUTE } from './shared/clock';
import type { ServiceContext } from './shared/context';

export interface DariInstance {
	config: DariConfig;
	database: DatabaseHandle;
	context: ServiceContext;
	demoDataLoaded: boolean;
	/** Delivers due e-mail now instead of at the next tick (after a write that queued some). */
	wakeOutbox(): void;
	stop(): Promise<void>;
}

export async function startInstance(
	options: { config?: DariConfig; migrate?: boolean; demoData?: boolean; sender?: boolean } = {}
): Promise<DariInstance> {
	const config = options.config ?? readConfig();
	const database = await openDatabase(databaseLocation(config));
	const context: ServiceContext = { db: database.db, secret: loadSecret(config), clock: systemClock };
	try {
		if (options.migrate ?? true) await migrateToLatest(database.db);
		const demoDataLoaded =
			(options.demoData ?? config.DEMO_DATA === 'on') ? (await loadDemoData(context)).loaded : false;

		const sender =
			(options.sender ?? true) && config.SMTP_URL
				? startOutboxSender(database.db, nodemailer.createTransport({
							url: config.SMTP_URL,
							// A mail server that stops answering holds the sender (and so every other e-mail)
							// for nodemailer's default of up to an hour of silence: give up after a minute and
							// retry later with the same Message-ID (outbox.ts).
							connectionTimeout: 30_000,
							greetingTimeout: 30_000,
							socketTimeout: 60_000
						}), {
						senderId: `${hostname()}:${process.pid}`,
						clock: systemClock,
						from: config.MAIL_FROM,
						intervalMs: config.OUTBOX_INTERVAL_MS,
						onError: (error) => console.error(JSON.stringify({ level: 'error', msg: 'outbox sender', error: String(error) }))
					})
				: null;
		// Hourly clean-up of expired sessions, links and rate-limit windows.
		const purge = setInterval(() => purgeExpired(context).catch(() => {}), HOUR);
		purge.unref();
		// Registration reminders (issue 5 §5): every 5 minutes, far finer than their day-sized steps.
		// Several processes may run it on one PostgreSQL database: each reminder's row decides who sends.
		const remindersOrigin = { origin: config.ORIGIN ?? `http://localhost:${config.PORT}` };
		const reminders =
			(options.sender ?? true)
				? setInterval(() => {
						sendDueReminders(context, systemClock(), remindersOrigin)
							.then((report) => report.messages > 0 && sender?.wake())
							.catch((error) => console.error(JSON.stringify({ level: 'error', msg: 'registration reminders', error: String(error) })));
						// Waiting lists (issue 6 §6): offers whose time ran out pass to the next delegate.
						passExpiredOffers(context, remindersOrigin)
							.then((offers) => offers > 0 && sender?.wake())
							.catch((error) => console.error(JSON.stringify({ level: 'error', msg: 'waiting list offers', error: String(error) })));
					}, 5 * MINUTE)
				: null;
		reminders?.unref();

		return {
			config,
			database,
			context,
			demoDataLoaded,
			wakeOutbox: () => sender?.wake(),
			async stop() {
				clearInterval(purge);
				if (reminders) clearInterval(reminders);
				await sender?.stop();
				await database.close();
			}
		};
	} catch (error) {
		await database.close().catch(() => {});
		throw error;
	}
}
