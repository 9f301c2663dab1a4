import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { getGroupToManage } from '$lib/server/directory/directory.service';
import { findOfficialAuthority, searchOfficialAuthorities } from '$lib/server/directory/official-lists.service';
import { createOrganisationInGroup } from '$lib/server/directory/organisation.service';
import { organisationInputSchema } from '$lib/server/directory/organisation.schema';
import { addOrganisationToGroup } from '$lib/server/directory/membership.service';
import { addExistingOrganisationSchema as addExistingSchema } from '$lib/server/directory/membership.schema';
import { parseForm, type FieldErrors } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';

export const load: PageServerLoad = async (event) => {
	const { locals, url, params } = event;
	const group = unwrap(event, await getGroupToManage(locals.context, locals.actor, params.slug));
	const today = locals.context.clock().toISOString().slice(0, 10);
	const country = url.searchParams.get('country') === 'KR' ? 'KR' : 'FR';
	const query = (url.searchParams.get('q') ?? '').slice(0, 100);
	const pick = url.searchParams.get('pick');
	return {
		group: { slug: group.slug, name: group.name },
		country,
		query,
		choices: query ? searchOfficialAuthorities(query, { country, onDate: today }) : null,
		picked: pick ? findOfficialAuthority(pick, today) : null,
		pickNotFound: pick !== null && findOfficialAuthority(pick, today) === null
	};
};

export const actions: Actions = {
	addExisting: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, addExistingSchema);
		if (!form.ok) error(400, 'Bad request');
		const result = await addOrganisationToGroup(locals.context, locals.actor, params.slug, form.data.organisationId, form.data.capacity);
		if (!result.ok) refuse(event, result.reason);
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/organisations/${form.data.organisationId}`)}?membership=saved#membership-heading`);
	},
	create: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, organisationInputSchema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors, duplicates: null });
		const result = await createOrganisationInGroup(locals.context, locals.actor, params.slug, form.data);
		if (!result.ok) {
			if (result.reason === 'DUPLICATE') {
				return fail(409, {
					values: form.values,
					errors: { [result.field]: result.field === 'officialCode' ? 'duplicate_code' : 'duplicate_name' } as FieldErrors,
					duplicates: { field: result.field, existing: result.existing }
				});
			}
			if (result.reason === 'UNKNOWN_COUNTRY') return fail(400, { values: form.values, errors: { countryCode: 'invalid_country' } as FieldErrors, duplicates: null });
			if (result.reason === 'UNKNOWN_OFFICIAL_CODE') return fail(400, { values: form.values, errors: { officialCode: 'unknown_official_code' } as FieldErrors, duplicates: null });
			refuse(event, result.reason);
		}
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/members`)}?created=1`);
	}
};
