import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { zoneChoices } from '$lib/format/time-zones';
import { coordinatorAdditionSchema, coordinatorRemovalSchema, groupInputSchema } from '$lib/server/groups/group.schema';
import { addCoordinator, getGroupToAdminister, removeCoordinator, updateGroup } from '$lib/server/groups/group.service';
import { parseForm, type FieldErrors } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';

export const load: PageServerLoad = async (event) => ({
	group: unwrap(event, await getGroupToAdminister(event.locals.context, event.locals.actor, event.params.id)),
	zones: zoneChoices()
});

export const actions: Actions = {
	update: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, groupInputSchema);
		if (!form.ok) return fail(400, { action: 'update', values: form.values, errors: form.errors });
		const result = await updateGroup(locals.context, locals.actor, params.id, form.data);
		if (!result.ok) {
			const errors: Record<string, FieldErrors> = {
				SLUG_TAKEN: { slug: 'slug_taken' },
				UNKNOWN_COUNTRY: { countryCode: 'invalid_country' },
				COUNTRY_IN_USE: { countryCode: 'country_in_use' },
				UNKNOWN_PRESIDENT: { presidentPersonId: 'invalid_choice' }
			};
			if (errors[result.reason]) return fail(400, { action: 'update', values: form.values, errors: errors[result.reason] });
			refuse(event, result.reason);
		}
		redirect(303, `${localizedPath(locals.locale, `/admin/groups/${params.id}`)}?saved=${encodeURIComponent(result.value.changed.join(','))}`);
	},
	addCoordinator: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, coordinatorAdditionSchema);
		if (!form.ok) return fail(400, { action: 'addCoordinator', values: form.values, errors: form.errors });
		const result = await addCoordinator(locals.context, locals.actor, params.id, form.data.email);
		if (!result.ok) {
			if (result.reason === 'UNKNOWN_ACCOUNT') return fail(400, { action: 'addCoordinator', values: form.values, errors: { email: 'unknown_account' } as FieldErrors });
			refuse(event, result.reason);
		}
		redirect(303, `${localizedPath(locals.locale, `/admin/groups/${params.id}`)}?coordinator=${encodeURIComponent(form.data.email)}#coordinators-heading`);
	},
	removeCoordinator: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, coordinatorRemovalSchema);
		if (!form.ok) return fail(400, { action: 'removeCoordinator', values: form.values, errors: form.errors });
		const result = await removeCoordinator(locals.context, locals.actor, params.id, form.data.userId);
		if (!result.ok) refuse(event, result.reason);
		redirect(303, `${localizedPath(locals.locale, `/admin/groups/${params.id}`)}?removed=1#coordinators-heading`);
	}
};
