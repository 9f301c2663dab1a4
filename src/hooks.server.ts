import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { baseLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime.js';
import { m } from '$lib/paraglide/messages.js';
import { LOCALE_COOKIE, resolveLocale } from '$lib/i18n/locale';
import { startInstance, type DariInstance } from '$lib/server/app';
import { anonymous } from '$lib/server/auth/policy';
import { resolveSession } from '$lib/server/auth/auth.service';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/http/session-cookie';
import { printStartBanner, describeStartFailure } from '$lib/server/http/start-banner';

/** Each request renders in its own language, even when requests interleave. */
const localeOfRequest = new AsyncLocalStorage<Locale>();
overwriteGetLocale(() => localeOfRequest.getStore() ?? baseLocale);

let instance: DariInstance | undefined;

export const init: ServerInit = async () => {
	try {
		instance = await startInstance();
	} catch (error) {
		// A clear sentence, not a stack trace: the database is corrupt, unreachable, or misconfigured.
		console.error(describeStartFailure(error));
		process.exit(1);
	}
	printStartBanner(instance);
	process.once('sveltekit:shutdown' as 'exit', () => {
		// The server has stopped accepting and finished the requests in flight: close the rest.
		void instance?.stop();
	});
};

/** A year: the language choice is a preference, not a secret. */
const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 3600;

export const handle: Handle = async ({ event, resolve }) => {
	if (!instance) throw new Error('Dari is not started');
	const requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
	const { locale, fromPath } = resolveLocale({
		pathname: event.url.pathname,
		cookie: event.cookies.get(LOCALE_COOKIE),
		acceptLanguage: event.request.headers.get('accept-language')
	});
	const secure = event.url.protocol === 'https:';
	if (fromPath && event.cookies.get(LOCALE_COOKIE) !== locale) {
		event.cookies.set(LOCALE_COOKIE, locale, { path: '/', maxAge: LOCALE_COOKIE_MAX_AGE, sameSite: 'lax', httpOnly: false, secure });
	}

	event.locals.locale = locale;
	event.locals.localeFromPath = fromPath;
	event.locals.context = instance.context;
	event.locals.requestId = requestId;
	event.locals.wakeOutbox = instance.wakeOutbox;
	event.locals.actor = anonymous;
	event.locals.user = null;
	event.locals.sessionToken = null;

	// The session is looked up only when its cookie is there: anonymous pages cost no query.
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const session = await resolveSession(instance.context, token);
		if (session) {
			event.locals.actor = session.actor;
			event.locals.user = session.user;
			event.locals.sessionToken = token;
			if (session.renewedUntil) event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(secure, session.renewedUntil));
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}

	const response = await localeOfRequest.run(locale, () =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) })
	);

	response.headers.set('x-request-id', requestId);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	response.headers.set('cross-origin-opener-policy', 'same-origin');
	// HSTS only where the page came over HTTPS: on a laptop's http://localhost it would do harm.
	if (secure) response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	if (event.locals.user) response.headers.set('cache-control', 'private, no-store');
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	const errorId = event.locals.requestId ?? randomUUID();
	if (status !== 404) {
		console.error(
			JSON.stringify({ level: 'error', errorId, path: event.url.pathname, status, error: String((error as Error)?.stack ?? error) })
		);
	}
	return { message: status === 404 ? m.error_not_found_title() : m.error_unexpected_title(), errorId };
};
