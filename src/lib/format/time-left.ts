/**
 * "dans 7 jours", "7일 후", "in 7 days": the time left before a deadline, counted by the server's
 * clock (home.service timeLeft) so the page reads the same after hydration.
 */
import type { Locale } from '$lib/paraglide/runtime.js';

export function formatTimeLeft(left: { amount: number; unit: 'day' | 'hour' | 'minute' }, locale: Locale): string {
	return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(left.amount, left.unit);
}
