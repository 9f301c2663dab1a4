import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { deliverDueMessages, enqueueEmail, MAX_ATTEMPTS, retryDelay } from './outbox';

interface Received {
	messageId: string;
	to: string;
	raw: string;
}

/** A real SMTP server on 127.0.0.1 that records what it accepts; it can be stopped and restarted on its port. */
class RecordingSmtpServer {
	received: Received[] = [];
	port = 0;
	private server?: SMTPServer;

	async start(port = 0): Promise<void> {
		this.server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			onData: (stream, session, callback) => {
				const chunks: Buffer[] = [];
				stream.on('data', (chunk: Buffer) => chunks.push(chunk));
				stream.on('end', () => {
					const raw = Buffer.concat(chunks).toString('utf8');
					this.received.push({
						messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1].trim() ?? '',
						to: session.envelope.rcptTo.map((address) => address.address).join(','),
						raw
					});
					callback();
				});
			}
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(port, '127.0.0.1', () => resolve());
		});
		this.port = (this.server.server.address() as AddressInfo).port;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server?.close(() => resolve()));
	}
}

describe('retry back-off', () => {
	it('doubles from 30 seconds up to an hour', () => {
		expect([1, 2, 3, 4].map(retryDelay)).toEqual([30_000, 60_000, 120_000, 240_000]);
		expect(retryDelay(30)).toBe(3_600_000);
		expect(MAX_ATTEMPTS).toBeGreaterThan(30);
	});
});

describeEachDatabase('outbox delivery through a real SMTP server', (setup) => {
	const smtp = new RecordingSmtpServer();
	let transport: nodemailer.Transporter;
	const options = () => ({ senderId: 'test-sender', clock: setup.context.clock, from: 'Dari <dari@test.local>' });
	const queue = (to: string, subject = `Subject for ${to}`) => enqueueEmail(setup.context.db, { to, subject, text: 'Body ✓ 한국어' }, setup.context.clock());
	const statusOf = async (id: string) => setup.context.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

	beforeAll(async () => {
		await smtp.start();
		transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, connectionTimeout: 2000, greetingTimeout: 2000 });
	});
	afterAll(async () => {
		transport.close();
		await smtp.stop();
	});

	it('delivers queued messages, each once, with their Message-ID', async () => {
		smtp.received = [];
		const ids = [await queue('a@example.org'), await queue('b@example.org'), await queue('c@example.org')];
		expect(await deliverDueMessages(setup.context.db, transport, options())).toEqual({ sent: 3, failed: 0 });
		expect(smtp.received.map((message) => message.to).sort()).toEqual(['a@example.org', 'b@example.org', 'c@example.org']);
		for (const id of ids) {
			const row = await statusOf(id);
			expect(row.status).toBe('sent');
			expect(smtp.received.filter((message) => message.messageId === row.message_id)).toHaveLength(1);
		}
		expect(await deliverDueMessages(setup.context.db, transport, options())).toEqual({ sent: 0, failed: 0 });
		expect(smtp.received).toHaveLength(3);
	});

	it('delivers an attachment kept with the message (an invitation’s calendar file)', async () => {
		smtp.received = [];
		const calendar = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR';
		const id = await enqueueEmail(
			setup.context.db,
			{ to: 'invitee@example.org', subject: 'Invitation', text: 'Body', attachments: [{ filename: 'invitation.ics', contentType: 'text/calendar; method=REQUEST', content: calendar }] },
			setup.context.clock()
		);
		expect(JSON.parse((await statusOf(id)).attachments!)).toEqual([{ filename: 'invitation.ics', contentType: 'text/calendar; method=REQUEST', content: calendar }]);
		expect(await deliverDueMessages(setup.context.db, transport, options())).toEqual({ sent: 1, failed: 0 });
		expect(smtp.received[0].raw).toMatch(/Content-Type: text\/calendar; method=REQUEST/);
		expect(smtp.received[0].raw).toContain('filename=invitation.ics');
		expect((await statusOf(await queue('plain@example.org'))).attachments).toBeNull();
		expect(await deliverDueMessages(setup.context.db, transport, options())).toEqual({ sent: 1, failed: 0 });
	});

	it('keeps messages while the server is down and delivers each exactly once when it is back', async () => {
		smtp.received = [];
		const port = smtp.port;
		await smtp.stop();
		const ids = [await queue('down1@example.org'), await queue('down2@example.org')];

		expect(await deliverDueMessages(setup.context.db, transport, options())).toEqual({ sent: 0, failed: 2 });
		for (const id of ids) {
			const row = await statusOf(id);
			expect(row.status).toBe('pending');
			expect(Number(row.attempts)).toBe(1);
			expect(row.last_error).toBeTruthy();
			expect(row.locked_by).toBeNull();
		}
		// Not due again before the back-off has passed: nothing is attempted.
		expect(await deliverDueMessages(setup.context.db, transport, options())).toEqual({ sent: 0, failed: 0 });
		setup.context.clock.advance(30_000);
		expect(await deliverDueMessages(setup.context.db, transport, options())).toEqual({ sent: 0, failed: 2 });
		expect(Number((await statusOf(ids[0])).attempts)).toBe(2);

		await smtp.start(port);
		setup.context.clock.advance(60_000);
		expect(await deliverDueMessages(setup.context.db, transport, options())).toEqual({ sent: 2, failed: 0 });
		setup.context.clock.advance(3_600_000);
		expect(await deliverDueMessages(setup.context.db, transport, options())).toEqual({ sent: 0, failed: 0 });
		expect(smtp.received.map((message) => message.to).sort()).toEqual(['down1@example.org', 'down2@example.org']);
		for (const id of ids) expect((await statusOf(id)).status).toBe('sent');
	});

	it('never delivers a message twice when two senders run at once', async () => {
		smtp.received = [];
		const ids: string[] = [];
		for (let index = 0; index < 12; index++) ids.push(await queue(`race${index}@example.org`));
		const [first, second] = await Promise.all([
			deliverDueMessages(setup.context.db, transport, { ...options(), senderId: 'sender-one' }),
			deliverDueMessages(setup.context.db, transport, { ...options(), senderId: 'sender-two' })
		]);
		expect(first.sent + second.sent).toBe(12);
		expect(smtp.received).toHaveLength(12);
		expect(new Set(smtp.received.map((message) => message.messageId)).size).toBe(12);
	});

	it('writes a message only if the transaction that queued it commits', async () => {
		const before = await setup.context.db.selectFrom('outbox').select('id').execute();
		await expect(
			setup.context.db.transaction().execute(async (transaction) => {
				await enqueueEmail(transaction, { to: 'rolled-back@example.org', subject: 'never', text: 'never' }, setup.context.clock());
				throw new Error('the change that caused the e-mail failed');
			})
		).rejects.toThrow('failed');
		expect(await setup.context.db.selectFrom('outbox').select('id').execute()).toHaveLength(before.length);
	});

	it('gives a message up after the last attempt', async () => {
		const port = smtp.port;
		await smtp.stop();
		const id = await queue('hopeless@example.org');
		await setup.context.db.updateTable('outbox').set({ attempts: MAX_ATTEMPTS - 1 }).where('id', '=', id).execute();
		await deliverDueMessages(setup.context.db, transport, options());
		expect((await statusOf(id)).status).toBe('failed');
		await smtp.start(port);
	});
});
