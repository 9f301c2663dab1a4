import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { signInWithMagicLink } from '$lib/server/auth/auth.service';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/http/session-cookie';

/**
 * Opening the link shows a button rather than signing in at once: mail scanners that fetch links
 * would otherwise use the single-use token before its owner does.
 */
export const load: PageServerLoad = async ({ url }) => ({ token: (url.searchParams.get('token') ?? '').slice(0, 100) });

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		const token = String((await request.formData()).get('token') ?? '').slice(0, 100);
		const result = token ? await signInWithMagicLink(locals.context, token) : ({ ok: false } as const);
		if (!result.ok) return fail(400, { invalid: true });
		cookies.set(SESSION_COOKIE, result.value.token, sessionCookieOptions(url.protocol === 'https:', result.value.expiresAt));
		redirect(303, result.value.redirectTo ?? localizedPath(locals.locale, '/'));
	}
};
