import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { zoneChoices } from '$lib/format/time-zones';
import { groupInputSchema } from '$lib/server/groups/group.schema';
import { checkGroupCreation, createGroup } from '$lib/server/groups/group.service';
import { parseForm, type FieldErrors } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';

export const load: PageServerLoad = async (event) => {
	unwrap(event, checkGroupCreation(event.locals.actor));
	return { zones: zoneChoices() };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, request } = event;
		const form = await parseForm(request, groupInputSchema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = await createGroup(locals.context, locals.actor, form.data);
		if (!result.ok) {
			if (result.reason === 'SLUG_TAKEN') return fail(409, { values: form.values, errors: { slug: 'slug_taken' } as FieldErrors });
			if (result.reason === 'UNKNOWN_COUNTRY') return fail(400, { values: form.values, errors: { countryCode: 'invalid_country' } as FieldErrors });
			refuse(event, result.reason);
		}
		redirect(303, `${localizedPath(locals.locale, `/admin/groups/${result.value.id}`)}?created=1`);
	}
};
