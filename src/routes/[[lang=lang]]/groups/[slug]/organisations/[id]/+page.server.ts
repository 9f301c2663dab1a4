import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { addPerson, getOrganisationRecord, updateOrganisation } from '$lib/server/directory/organisation-record.service';
import { organisationInputSchema } from '$lib/server/directory/organisation.schema';
import { personInputSchema } from '$lib/server/directory/person.schema';
import { getMembership, updateMembership } from '$lib/server/directory/membership.service';
import { membershipInputSchema } from '$lib/server/directory/membership.schema';
import { parseForm, type FieldErrors } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';
import { listOrganisationPartnerships } from '$lib/server/partnerships/partnership.service';

export const load: PageServerLoad = async (event) => ({
	record: unwrap(event, await getOrganisationRecord(event.locals.context, event.locals.actor, event.params.slug, event.params.id)),
	membership: unwrap(event, await getMembership(event.locals.context, event.locals.actor, event.params.slug, event.params.id)),
	partnerships: unwrap(event, await listOrganisationPartnerships(event.locals.context, event.locals.actor, event.params.slug, event.params.id))
});

export const actions: Actions = {
	membership: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, membershipInputSchema);
		if (!form.ok) return fail(400, { action: 'membership', values: form.values, errors: form.errors, duplicates: null });
		const result = await updateMembership(locals.context, locals.actor, params.slug, params.id, form.data);
		if (!result.ok) refuse(event, result.reason);
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/organisations/${params.id}`)}?membership=saved#membership-heading`);
	},
	update: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, organisationInputSchema);
		if (!form.ok) return fail(400, { action: 'update', values: form.values, errors: form.errors, duplicates: null });
		const result = await updateOrganisation(locals.context, locals.actor, params.slug, params.id, form.data);
		if (!result.ok) {
			if (result.reason === 'DUPLICATE') {
				return fail(409, {
					action: 'update',
					values: form.values,
					errors: { [result.field]: result.field === 'officialCode' ? 'duplicate_code' : 'duplicate_name' } as FieldErrors,
					duplicates: { field: result.field, existing: result.existing }
				});
			}
			if (result.reason === 'UNKNOWN_COUNTRY') return fail(400, { action: 'update', values: form.values, errors: { countryCode: 'invalid_country' } as FieldErrors, duplicates: null });
			if (result.reason === 'UNKNOWN_OFFICIAL_CODE') return fail(400, { action: 'update', values: form.values, errors: { officialCode: 'unknown_official_code' } as FieldErrors, duplicates: null });
			refuse(event, result.reason);
		}
		const changed = result.value.changed.join(',');
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/organisations/${params.id}`)}?saved=${encodeURIComponent(changed)}`);
	},
	addPerson: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, personInputSchema);
		if (!form.ok) return fail(400, { action: 'addPerson', values: form.values, errors: form.errors, duplicates: null });
		const result = await addPerson(locals.context, locals.actor, params.slug, params.id, form.data);
		if (!result.ok) {
			if (result.reason === 'EMAIL_TAKEN') return fail(409, { action: 'addPerson', values: form.values, errors: { email: 'email_used' } as FieldErrors, duplicates: null });
			refuse(event, result.reason);
		}
		const name = form.data.nameOrder === 'family-first' ? `${form.data.familyName} ${form.data.givenName}` : `${form.data.givenName} ${form.data.familyName}`;
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/organisations/${params.id}`)}?added=${encodeURIComponent(name)}#people-heading`);
	}
};
