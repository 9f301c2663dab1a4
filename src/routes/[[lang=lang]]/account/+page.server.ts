import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { accountProfileSchema, passwordChangeSchema } from '$lib/server/auth/auth.schema';
import { changePassword, updateProfile } from '$lib/server/auth/auth.service';
import { parseForm, type FieldErrors } from '$lib/server/http/form';
import { refuse } from '$lib/server/http/outcome';

export const load: PageServerLoad = async (event) => {
	const { locals } = event;
	if (!locals.user || locals.actor.kind !== 'user') refuse(event, 'UNAUTHENTICATED');
	return {
		account: {
			email: locals.user.email,
			name: locals.user.name,
			preferredLanguage: locals.user.preferredLanguage,
			hasPassword: locals.user.hasPassword
		}
	};
};

export const actions: Actions = {
	profile: async (event) => {
		const form = await parseForm(event.request, accountProfileSchema);
		if (!form.ok) return fail(400, { action: 'profile', values: form.values, errors: form.errors });
		const result = await updateProfile(event.locals.context, event.locals.actor, form.data);
		if (!result.ok) refuse(event, result.reason);
		// The interface follows the new language at once.
		redirect(303, `${localizedPath(form.data.preferredLanguage, '/account')}?saved=profile`);
	},
	password: async (event) => {
		const form = await parseForm(event.request, passwordChangeSchema);
		if (!form.ok) return fail(400, { action: 'password', values: form.values, errors: form.errors });
		const result = await changePassword(event.locals.context, event.locals.actor, event.locals.sessionToken ?? '', form.data);
		if (!result.ok) {
			if (result.reason === 'WRONG_PASSWORD') {
				return fail(400, { action: 'password', values: form.values, errors: { currentPassword: 'wrong_password' } as FieldErrors });
			}
			refuse(event, result.reason);
		}
		return { action: 'password', saved: true };
	}
};
