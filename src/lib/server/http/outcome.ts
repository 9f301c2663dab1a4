/**
 * Turns a service's refusal into the HTTP answer: anonymous visitors go to sign in (and come back),
 * others get the localized 403 page, unknown things the localized 404 page.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages.js';

export function refuse(event: Pick<RequestEvent, 'locals' | 'url'>, reason: string): never {
	if (reason === 'UNAUTHENTICATED') {
		const back = event.url.pathname + event.url.search;
		redirect(303, `${localizedPath(event.locals.locale, '/sign-in')}?redirectTo=${encodeURIComponent(back)}`);
	}
	if (reason === 'FORBIDDEN') error(403, m.error_forbidden_title());
	if (reason === 'NOT_FOUND') error(404, m.error_not_found_title());
	error(400, m.error_invalid_choice());
}

/** Unwraps a service result, refusing the request when it failed. */
export function unwrap<T>(event: Pick<RequestEvent, 'locals' | 'url'>, result: { ok: true; value: T } | { ok: false; reason: string }): T {
	if (!result.ok) refuse(event, result.reason);
	return result.value;
}
