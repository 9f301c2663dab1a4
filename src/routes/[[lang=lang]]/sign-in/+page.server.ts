import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { magicLinkRequestSchema, passwordSignInSchema, safeRedirectPath } from '$lib/server/auth/auth.schema';
import { requestMagicLink, signInWithPassword } from '$lib/server/auth/auth.service';
import { parseForm, type FieldErrors } from '$lib/server/http/form';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/http/session-cookie';

export const load: PageServerLoad = async ({ locals, url }) => {
	const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'));
	if (locals.user) redirect(303, redirectTo ?? localizedPath(locals.locale, '/'));
	return { redirectTo, signInRequired: redirectTo !== null };
};

export const actions: Actions = {
	link: async (event) => {
		const { request, locals, url } = event;
		const form = await parseForm(request, magicLinkRequestSchema);
		if (!form.ok) return fail(400, { action: 'link', values: form.values, errors: form.errors });
		const result = await requestMagicLink(locals.context, {
			email: form.data.email,
			clientAddress: event.getClientAddress(),
			origin: url.origin,
			locale: locals.locale,
			redirectTo: safeRedirectPath(form.values.redirectTo)
		});
		if (!result.ok) return fail(429, { action: 'link', values: form.values, errors: { form: 'rate_limited' } as FieldErrors });
		locals.wakeOutbox();
		redirect(303, `${localizedPath(locals.locale, '/sign-in/check-email')}?email=${encodeURIComponent(form.data.email)}`);
	},
	password: async (event) => {
		const { request, locals, cookies, url } = event;
		const form = await parseForm(request, passwordSignInSchema);
		if (!form.ok) return fail(400, { action: 'password', values: form.values, errors: form.errors });
		const result = await signInWithPassword(locals.context, {
			email: form.data.email,
			password: form.data.password,
			clientAddress: event.getClientAddress()
		});
		if (!result.ok) {
			const code = result.reason === 'RATE_LIMITED' ? 'rate_limited' : 'invalid_credentials';
			return fail(result.reason === 'RATE_LIMITED' ? 429 : 400, { action: 'password', values: form.values, errors: { form: code } as FieldErrors });
		}
		cookies.set(SESSION_COOKIE, result.value.token, sessionCookieOptions(url.protocol === 'https:', result.value.expiresAt));
		redirect(303, safeRedirectPath(form.values.redirectTo) ?? localizedPath(result.value.user.preferredLanguage, '/'));
	}
};
