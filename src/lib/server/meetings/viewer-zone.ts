/**
 * The viewer's own time zone, shown beside Paris and Seoul: chosen with the small form on meeting
 * pages (`?tz=`, kept a year in a cookie, so it works without JavaScript), else guessed from the
 * page's language (Seoul for Korean, Paris for French, UTC otherwise).
 */
import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '$lib/paraglide/runtime.js';
import { defaultViewerZone } from '$lib/format/meeting-times';
import { isTimeZone } from '$lib/format/time-zones';

export const ZONE_COOKIE = 'tz';

export function viewerZone(event: { url: URL; cookies: Cookies; locals: { locale: Locale } }): string {
	const asked = event.url.searchParams.get('tz');
	if (asked && isTimeZone(asked)) {
		event.cookies.set(ZONE_COOKIE, asked, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: false, secure: event.url.protocol === 'https:' });
		return asked;
	}
	const kept = event.cookies.get(ZONE_COOKIE);
	if (kept && isTimeZone(kept)) return kept;
	return defaultViewerZone(event.locals.locale);
}
