/**
 * Writing to the outbox (inside the caller's transaction) and delivering from it.
 *
 * Guarantees: a message written with the change that caused it is never lost (it stays 'pending'
 * until an SMTP server accepts it, whatever happens in between), and is not sent twice (a sender
 * claims it with a lease before delivering, renews the lease for as long as the SMTP exchange
 * lasts, and marks it sent right after the server's 250).
 *
 * Exactly once, precisely: a message is handed over when the SMTP server answers 250 to its DATA
 * (RFC 5321: the server is then responsible for it). Dari hands each message over once: after the
 * 250 it is marked sent and never offered again; without a 250 it stays pending and is tried again
 * later, with the same Message-ID. The one copy no sender can rule out is a server that read the
 * whole message and failed before its 250 arrived (RFC 1047): it sees the message again on the retry,
 * recognisable by the unchanged Message-ID. tests/integration/outage.test.ts shows both.
 */
import type { Transporter } from 'nodemailer';
import type { Executor } from '../db/database';
import { isoAfter, MINUTE, type Clock } from '../shared/clock';
import { newId } from '../shared/identifier';
import * as repository from './mail.repository';

export interface OutgoingEmail {
	to: string;
	subject: string;
	text: string;
	html?: string;
	/** Sent with the message, e.g. an invitation's calendar file (text/calendar; method=REQUEST). */
	attachments?: EmailAttachment[];
}

export interface EmailAttachment {
	filename: string;
	contentType: string;
	/** Text, or base64 when `encoding` says so. */
	content: string;
	encoding?: 'base64';
}

/** Queues a message. Call it with the transaction of the change that causes the message. */
export async function enqueueEmail(db: Executor, email: OutgoingEmail, now: Date, hostname = 'dari.local'): Promise<string> {
	const id = newId();
	await repository.insertOutboxMessage(db, {
		id,
		message_id: `<${id}@${hostname}>`,
		to_address: email.to,
		subject: email.subject,
		text_body: email.text,
		html_body: email.html ?? null,
		attachments: email.attachments?.length ? JSON.stringify(email.attachments) : null,
		status: 'pending',
		attempts: 0,
		next_attempt_at: now.toISOString(),
		locked_until: null,
		locked_by: null,
		last_error: null,
		created_at: now.toISOString(),
		sent_at: null
	});
	return id;
}

/**
 * Back-off after the n-th failed attempt: 30 s, 1 min, 2 min… doubling up to 1 hour, so a
 * message survives an SMTP outage of more than a day before it is given up (MAX_ATTEMPTS).
 */
export function retryDelay(failedAttempts: number): number {
	return Math.min(30_000 * 2 ** Math.max(0, failedAttempts - 1), 60 * MINUTE);
}

/** 40 attempts: with the back-off above, about 34 hours of trying. */
export const MAX_ATTEMPTS = 40;

/**
 * A claim lasts 2 minutes and is renewed every 30 seconds while its SMTP exchange goes on: an
 * exchange may last far longer than a lease (nodemailer waits up to 10 minutes for a silent server),
 * and another process must not take the message meanwhile, or a server that hung and recovers would
 * get it twice. A sender that dies stops renewing: its message is free again 2 minutes later.
 */
export const LEASE = 2 * MINUTE;
const LEASE_RENEWAL_MS = 30_000;

export interface DeliveryReport {
	sent: number;
	failed: number;
}

/** Delivers every due message once; returns what happened. Several senders may run at once. */
export async function deliverDueMessages(
	db: Executor,
	transport: Transporter,
	options: { senderId: string; clock: Clock; from: string; batchSize?: number; leaseRenewalMs?: number }
): Promise<DeliveryReport> {
	const report: DeliveryReport = { sent: 0, failed: 0 };
	const now = options.clock();
	const ids = await repository.listDueMessageIds(db, now.toISOString(), options.batchSize ?? 50);
	for (const id of ids) {
		const claimedAt = options.clock();
		const message = await repository.claimMessage(db, id, options.senderId, claimedAt.toISOString(), isoAfter(claimedAt, LEASE));
		if (!message) continue; // another sender has it
		const renewal = setInterval(() => {
			repository.renewClaim(db, id, options.senderId, isoAfter(options.clock(), LEASE)).catch(() => {});
		}, options.leaseRenewalMs ?? LEASE_RENEWAL_MS);
		try {
			await transport.sendMail({
				from: options.from,
				to: message.to_address,
				subject: message.subject,
				text: message.text_body,
				html: message.html_body ?? undefined,
				attachments: message.attachments ? (JSON.parse(message.attachments) as EmailAttachment[]) : undefined,
				messageId: message.message_id
			});
			await repository.markSent(db, id, options.senderId, options.clock().toISOString());
			report.sent++;
		} catch (error) {
			const attempts = message.attempts + 1;
			await repository.markAttemptFailed(db, id, options.senderId, {
				attempts,
				next_attempt_at: isoAfter(options.clock(), retryDelay(attempts)),
				last_error: String((error as Error).message ?? error).slice(0, 500),
				status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending'
			});
			report.failed++;
		} finally {
			clearInterval(renewal);
		}
	}
	return report;
}

/** Runs deliverDueMessages every `intervalMs` until stopped; never overlaps itself. */
export function startOutboxSender(
	db: Executor,
	transport: Transporter,
	options: { senderId: string; clock: Clock; from: string; intervalMs: number; leaseRenewalMs?: number; onError?: (error: unknown) => void }
): { stop(): Promise<void>; wake(): void } {
	let running: Promise<unknown> | undefined;
	let stopped = false;
	const tick = () => {
		if (stopped || running) return;
		running = deliverDueMessages(db, transport, options)
			.catch((error) => options.onError?.(error))
			.finally(() => (running = undefined));
	};
	const timer = setInterval(tick, options.intervalMs);
	timer.unref();
	tick();
	return {
		wake: tick,
		async stop() {
			stopped = true;
			clearInterval(timer);
			await running;
		}
	};
}
