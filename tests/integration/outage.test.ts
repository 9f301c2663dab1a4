/**
 * Outage (issue 7 §3): the SMTP server goes down in the middle of a batch of registration reminders
 * (sendDueReminders, one per person of the organisations that have not answered) and comes back on
 * the same port while the outbox sender runs; every message is delivered exactly once and the outbox
 * ends with all of them sent.
 *
 * What "exactly once" means here. In SMTP a message is delivered when the server answers 250 to
 * its DATA: from then on the server is responsible for it (RFC 5321 §4.1.1.4, §6.1), and the outbox
 * marks it sent right after that answer and never hands it over again. Before the 250 the server
 * has taken nothing: the outbox keeps the message and tries again, with the same Message-ID. So every
 * message is accepted exactly once. The one window nobody can close is a server that has read the
 * whole message and dies before its 250 reaches Dari (RFC 1047): that server saw the text, did not
 * take it, and sees it again on the retry; the unchanged Message-ID lets anything downstream
 * recognise the copy. The test drops the connection in exactly that window to show both sides.
 */
import type { AddressInfo, Socket } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadActor, signInWithPassword } from '../../src/lib/server/auth/auth.service';
import { DEMO_PASSWORD, loadDemoData } from '../../src/lib/server/db/demo-data/demo-data';
import { insertForum } from '../../src/lib/server/forums/forum.repository';
import { deliverDueMessages, enqueueEmail, LEASE, startOutboxSender } from '../../src/lib/server/mail/outbox';
import { registrationRoundInputSchema } from '../../src/lib/server/registrations/registration.schema';
import { openRegistrations } from '../../src/lib/server/registrations/registration.service';
import { sendDueReminders } from '../../src/lib/server/registrations/reminder.service';
import type { ServiceContext } from '../../src/lib/server/shared/context';
import { HOUR } from '../../src/lib/server/shared/clock';
import { newId } from '../../src/lib/server/shared/identifier';
import { describeEachDatabase } from '../setup/databases';

/** People with an address in the member organisations of the group, so one reminder each. */
const PEOPLE = 40;
/** Messages accepted before the outage. */
const BEFORE_OUTAGE = 12;

/**
 * The demo platform, with PEOPLE people of Korea's member organisations having an address and the
 * registrations of a forum open (deadline 15 March 2027, reminders 7 days before): the 7-day
 * reminder is due from 8 March.
 */
async function openRegistrationsWithManyPeople(context: ServiceContext): Promise<void> {
	await loadDemoData(context);
	const signedIn = await signInWithPassword(context, { email: 'coordinator@demo.dari.test', password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
	if (!signedIn.ok) throw new Error('cannot sign in');
	const coordinator = await loadActor(context, signedIn.value.user);
	const group = await context.db.selectFrom('country_group').select('id').where('slug', '=', 'coree').executeTakeFirstOrThrow();
	const members = await context.db.selectFrom('group_membership').select('organisation_id').where('group_id', '=', group.id).where('status', '=', 'active').where('capacity', '=', 'member').execute();
	const people = await context.db.selectFrom('person').selectAll().where('organisation_id', 'in', members.map((member) => member.organisation_id)).execute();
	await context.db.updateTable('person').set({ email: null }).where('id', 'in', people.map((person) => person.id)).execute();
	// A reminder falls back on the account's address (the demo member has one): unlinked, so that
	// exactly the PEOPLE addresses below are reminded.
	await context.db.updateTable('user_account').set({ person_id: null }).where('person_id', 'in', people.map((person) => person.id)).execute();
	for (let index = 0; index < PEOPLE; index++) {
		await context.db.insertInto('person').values({ ...people[index % people.length], id: newId(), email: `person${index}@example.org` }).execute();
	}
	const now = context.clock().toISOString();
	await insertForum(context.db, {
		id: newId(), group_id: group.id, number: 92, title_fr: 'Forum de la panne', title_ko: '장애 포럼', theme_fr: '', theme_ko: '', host_country: 'KR', host_timezone: 'Asia/Seoul',
		starts_on: null, ends_on: null, status: 'idea', description_fr: '', description_ko: '', report_fr: '', report_ko: '', created_at: now, updated_at: now
	});
	const opened = await openRegistrations(context, coordinator, 'coree', 92, registrationRoundInputSchema.parse({ deadlineDate: '2027-03-15', deadlineTime: '23:59', deadlineTimezone: 'Europe/Paris', reminderDays: '7' }));
	if (!opened.ok) throw new Error(`cannot open registrations: ${opened.reason}`);
	await context.db.deleteFrom('outbox').execute();
}

/** A real SMTP server on 127.0.0.1 that can fail like a real one: all at once, mid-message. */
class FailingSmtpServer {
	/** Messages answered with 250, i.e. taken by the server. */
	accepted: { messageId: string; to: string }[] = [];
	/** Message-IDs of every message whose whole text arrived, answered or not. */
	read: string[] = [];
	port = 0;
	/** When this many messages have been accepted, the next one is read and the server dies before its 250. */
	dieAfter = Infinity;
	/** While set, the server reads messages and keeps its answer back (a hung server). */
	hang = false;
	private held: (() => void)[] = [];
	private server?: SMTPServer;
	private readonly sockets = new Set<Socket>();

	async start(port = 0): Promise<void> {
		const server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			disableReverseLookup: true,
			logger: false,
			onData: (stream, session, callback) => {
				const chunks: Buffer[] = [];
				stream.on('data', (chunk: Buffer) => chunks.push(chunk));
				stream.on('end', () => {
					const messageId = /^Message-ID:\s*(.+)$/im.exec(Buffer.concat(chunks).toString('utf8'))?.[1].trim() ?? '';
					this.read.push(messageId);
					if (this.accepted.length >= this.dieAfter) {
						this.dieAfter = Infinity;
						this.die();
						return; // no answer: the connection is gone
					}
					const accept = () => {
						this.accepted.push({ messageId, to: session.envelope.rcptTo.map((address) => address.address).join(',') });
						callback();
					};
					if (this.hang) this.held.push(accept);
					else accept();
				});
			}
		});
		server.server.on('connection', (socket: Socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => resolve());
		});
		this.server = server;
		this.port = (server.server.address() as AddressInfo).port;
	}

	/** Stops at once, as a crashed server or a pulled cable: no more connections, open ones cut. */
	die(): void {
		this.server?.server.close();
		for (const socket of this.sockets) socket.destroy();
		this.server = undefined;
	}

	get hanging(): number {
		return this.held.length;
	}

	/** The hung server recovers: it answers what it held back. */
	recover(): void {
		this.hang = false;
		for (const accept of this.held.splice(0)) accept();
	}

	get running(): boolean {
		return this.server !== undefined;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
	}
}

async function until(condition: () => Promise<boolean> | boolean, what: string, step: () => void = () => {}, timeoutMs = 20_000): Promise<void> {
	const start = Date.now();
	while (!(await condition())) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		step();
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

describeEachDatabase('an SMTP outage in the middle of a batch', (setup) => {
	const smtp = new FailingSmtpServer();
	let transport: nodemailer.Transporter;
	const outbox = () => setup.context.db.selectFrom('outbox').selectAll().execute();

	beforeAll(async () => {
		await smtp.start();
		// Short timeouts: a dead server is noticed in a second, not in nodemailer's minutes.
		transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, connectionTimeout: 1000, greetingTimeout: 1000, socketTimeout: 2000 });
	});
	afterAll(async () => {
		transport.close();
		await smtp.stop();
	});

	it('delivers every reminder of a batch exactly once when the server dies mid-message and comes back', async () => {
		const clock = setup.context.clock;
		clock.set('2027-03-01T00:00:00.000Z');
		await openRegistrationsWithManyPeople(setup.context);
		clock.set('2027-03-09T06:00:00.000Z');
		expect((await sendDueReminders(setup.context, clock(), { origin: 'https://dari.test' })).messages).toBe(PEOPLE);
		const recipients = Array.from({ length: PEOPLE }, (_, index) => `person${index}@example.org`);
		const BATCH = PEOPLE;
		smtp.dieAfter = BEFORE_OUTAGE;
		const errors: unknown[] = [];
		const sender = startOutboxSender(setup.context.db, transport, {
			senderId: 'outage-sender',
			clock,
			from: 'Dari <dari@test.local>',
			intervalMs: 50,
			onError: (error) => errors.push(error)
		});
		try {
			// The server dies while reading message 13; the sender goes on trying while it is down
			// (the clock moves on so that retries fall due) and keeps every message pending.
			await until(() => !smtp.running, 'the outage');
			const port = smtp.port;
			await until(
				async () => (await outbox()).filter((row) => row.status === 'pending' && Number(row.attempts) >= 2).length >= 2,
				'failed retries during the outage',
				() => clock.advance(5 * 60_000)
			);
			const during = await outbox();
			expect(during.filter((row) => row.status === 'sent')).toHaveLength(BEFORE_OUTAGE);
			expect(during.every((row) => row.status !== 'failed')).toBe(true);
			expect(during.some((row) => row.last_error)).toBe(true);

			// Back on the same port: whatever is due goes out, each message once.
			await smtp.start(port);
			await until(async () => (await outbox()).every((row) => row.status === 'sent'), 'every message sent', () => clock.advance(HOUR));
		} finally {
			await sender.stop();
		}

		expect(errors).toEqual([]);
		const rows = await outbox();
		expect(rows).toHaveLength(BATCH);
		for (const row of rows) {
			expect(row.locked_by).toBeNull();
			expect(smtp.accepted.filter((message) => message.messageId === row.message_id)).toEqual([{ messageId: row.message_id, to: row.to_address }]);
		}
		expect(smtp.accepted.map((message) => message.to).sort()).toEqual([...recipients].sort());
		// The message read when the server died was not taken (no 250): read twice, accepted once.
		const readTwice = [...new Set(smtp.read)].filter((id) => smtp.read.filter((read) => read === id).length > 1);
		expect(readTwice).toHaveLength(1);
		expect(smtp.read).toHaveLength(BATCH + 1);

		// Nothing left to send: another pass, hours later, sends nothing.
		clock.advance(24 * HOUR);
		expect(await deliverDueMessages(setup.context.db, transport, { senderId: 'later', clock, from: 'dari@test.local' })).toEqual({ sent: 0, failed: 0 });
		expect(smtp.accepted).toHaveLength(BATCH);
	}, 60_000);

	it('does not let a second process take a message while the first waits on a hung server past its lease', async () => {
		const clock = setup.context.clock;
		smtp.accepted = [];
		const id = await enqueueEmail(setup.context.db, { to: 'hung@example.org', subject: 'Rappel', text: 'Rappel' }, clock());
		const { message_id: messageId } = await setup.context.db.selectFrom('outbox').select('message_id').where('id', '=', id).executeTakeFirstOrThrow();
		smtp.hang = true;
		const first = deliverDueMessages(setup.context.db, transport, { senderId: 'process-one', clock, from: 'dari@test.local', leaseRenewalMs: 20 });
		await until(() => smtp.hanging === 1, 'the message read by the hung server');
		// The exchange outlasts the lease; the first sender, alive, keeps its claim.
		clock.advance(LEASE + 60_000);
		await new Promise((resolve) => setTimeout(resolve, 150));
		smtp.hang = false;
		expect(await deliverDueMessages(setup.context.db, transport, { senderId: 'process-two', clock, from: 'dari@test.local' })).toEqual({ sent: 0, failed: 0 });
		smtp.recover();
		expect(await first).toEqual({ sent: 1, failed: 0 });
		expect(smtp.accepted.filter((message) => message.messageId === messageId)).toHaveLength(1);
		expect((await setup.context.db.selectFrom('outbox').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('sent');
	});
});
