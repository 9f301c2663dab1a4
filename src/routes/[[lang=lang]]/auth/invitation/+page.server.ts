import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { invitationAcceptanceSchema } from '$lib/server/auth/auth.schema';
import { acceptInvitation, findInvitation } from '$lib/server/auth/auth.service';
import { parseForm, type FieldErrors } from '$lib/server/http/form';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/http/session-cookie';

export const load: PageServerLoad = async ({ url, locals }) => {
	const token = (url.searchParams.get('token') ?? '').slice(0, 100);
	const invitation = token ? await findInvitation(locals.context, token) : null;
	return { token, invitation };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		const token = (url.searchParams.get('token') ?? '').slice(0, 100);
		const form = await parseForm(request, invitationAcceptanceSchema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = await acceptInvitation(locals.context, token, form.data);
		if (!result.ok) return fail(400, { values: form.values, errors: { form: 'invalid_link' } as FieldErrors });
		cookies.set(SESSION_COOKIE, result.value.token, sessionCookieOptions(url.protocol === 'https:', result.value.expiresAt));
		redirect(303, localizedPath(result.value.user.preferredLanguage, '/'));
	}
};
