import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { invitationSchema } from '$lib/server/auth/auth.schema';
import { inviteUser, listAccounts } from '$lib/server/auth/auth.service';
import { parseForm, type FieldErrors } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';

export const load: PageServerLoad = async (event) => {
	return { accounts: unwrap(event, await listAccounts(event.locals.context, event.locals.actor)) };
};

export const actions: Actions = {
	invite: async (event) => {
		const { locals, url } = event;
		const form = await parseForm(event.request, invitationSchema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		if (form.data.role && !form.data.groupId) return fail(400, { values: form.values, errors: { groupId: 'role_needs_group' } as FieldErrors });
		const result = await inviteUser(locals.context, locals.actor, {
			email: form.data.email,
			name: form.data.name,
			preferredLanguage: form.data.preferredLanguage,
			groupId: form.data.groupId || null,
			role: form.data.groupId ? form.data.role || 'member' : null,
			origin: url.origin,
			inviterName: locals.user?.name || locals.user?.email || 'Dari'
		});
		if (!result.ok) {
			if (result.reason === 'EMAIL_TAKEN') return fail(400, { values: form.values, errors: { email: 'email_taken' } as FieldErrors });
			if (result.reason === 'UNKNOWN_GROUP') return fail(400, { values: form.values, errors: { groupId: 'unknown_group' } as FieldErrors });
			refuse(event, result.reason);
		}
		locals.wakeOutbox();
		redirect(303, `${localizedPath(locals.locale, '/admin')}?invited=${encodeURIComponent(form.data.email)}`);
	}
};
