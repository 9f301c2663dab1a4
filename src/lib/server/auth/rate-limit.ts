/**
 * Fixed-window rate limits kept in the database, so that every Dari process counts the same hits
 * (an in-memory counter would let each of N processes allow N times the limit).
 */
import type { Executor } from '../db/database';
import { digestToken } from './secret-token';
import { countHit } from './auth.repository';

export interface RateLimitRule {
	name: string;
	limit: number;
	windowMs: number;
}

/** 5 links per address per 15 minutes: enough for a typo and a retry, too few to flood an inbox. */
export const MAGIC_LINK_PER_EMAIL: RateLimitRule = { name: 'magic-link-email', limit: 5, windowMs: 15 * 60_000 };
/** 20 per address per 15 minutes from one IP: an office behind one NAT can still sign in together. */
export const MAGIC_LINK_PER_IP: RateLimitRule = { name: 'magic-link-ip', limit: 20, windowMs: 15 * 60_000 };
/** 10 password attempts per account per 15 minutes (OWASP: throttle per account and per source). */
export const PASSWORD_PER_EMAIL: RateLimitRule = { name: 'password-email', limit: 10, windowMs: 15 * 60_000 };
export const PASSWORD_PER_IP: RateLimitRule = { name: 'password-ip', limit: 30, windowMs: 15 * 60_000 };

/** Counts a hit on each rule; true when any of them is now over its limit. */
export async function isOverLimit(
	db: Executor,
	secret: string,
	now: Date,
	hits: { rule: RateLimitRule; key: string }[]
): Promise<boolean> {
	let over = false;
	for (const { rule, key } of hits) {
		const windowStart = new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs).toISOString();
		// The key is digested: the table never holds an e-mail address or an IP in clear.
		const count = await countHit(db, `${rule.name}:${digestToken(secret, key)}`, windowStart);
		if (count > rule.limit) over = true;
	}
	return over;
}
