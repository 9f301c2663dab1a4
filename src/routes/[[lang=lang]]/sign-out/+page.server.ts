import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { signOut } from '$lib/server/auth/auth.service';
import { SESSION_COOKIE } from '$lib/server/http/session-cookie';

// Signing out changes state, so it is a POST (the header's button); a GET just goes home.
export const load: PageServerLoad = async ({ locals }) => redirect(303, localizedPath(locals.locale, '/'));

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionToken) await signOut(locals.context, locals.sessionToken);
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, localizedPath(locals.locale, '/'));
	}
};
