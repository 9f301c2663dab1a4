import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { personDetailsSchema, personTitleEditSchema, personTitleSchema, titleReferenceSchema } from '$lib/server/directory/person-edit.schema';
import { addPersonTitle, getPersonRecord, removePersonFromOrganisation, removePersonTitle, updatePerson, updatePersonTitle } from '$lib/server/directory/person.service';
import { parseForm, type FieldErrors } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	return {
		record: unwrap(event, await getPersonRecord(locals.context, locals.actor, params.slug, params.id, params.personId)),
		/** ?edit=<title id> opens that title's form, ?remove=<title id> asks to confirm: both work without JavaScript. */
		editing: url.searchParams.get('edit'),
		removing: url.searchParams.get('remove')
	};
};

function pageOf(event: Pick<RequestEvent, 'locals' | 'params'>, query: string, anchor: string): string {
	const { locals, params } = event;
	return `${localizedPath(locals.locale, `/groups/${params.slug}/organisations/${params.id}/people/${params.personId}`)}?${query}#${anchor}`;
}

export const actions: Actions = {
	update: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, personDetailsSchema);
		if (!form.ok) return fail(400, { action: 'update', values: form.values, errors: form.errors });
		const result = await updatePerson(locals.context, locals.actor, params.slug, params.id, params.personId, form.data);
		if (!result.ok) {
			if (result.reason === 'EMAIL_TAKEN') return fail(409, { action: 'update', values: form.values, errors: { email: 'email_used' } as FieldErrors });
			refuse(event, result.reason);
		}
		redirect(303, pageOf(event, `saved=${encodeURIComponent(result.value.changed.join(','))}`, 'details-heading'));
	},
	addTitle: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, personTitleSchema);
		if (!form.ok) return fail(400, { action: 'addTitle', values: form.values, errors: form.errors });
		const result = await addPersonTitle(locals.context, locals.actor, params.slug, params.id, params.personId, form.data);
		if (!result.ok) refuse(event, result.reason);
		redirect(303, pageOf(event, 'title=added', 'titles-heading'));
	},
	updateTitle: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, personTitleEditSchema);
		if (!form.ok) return fail(400, { action: 'updateTitle', values: form.values, errors: form.errors });
		const { titleId, ...input } = form.data;
		const result = await updatePersonTitle(locals.context, locals.actor, params.slug, params.id, params.personId, titleId, input);
		if (!result.ok) refuse(event, result.reason);
		redirect(303, pageOf(event, 'title=updated', 'titles-heading'));
	},
	removeTitle: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, titleReferenceSchema);
		if (!form.ok) return fail(400, { action: 'removeTitle', values: form.values, errors: form.errors });
		const result = await removePersonTitle(locals.context, locals.actor, params.slug, params.id, params.personId, form.data.titleId);
		if (!result.ok) refuse(event, result.reason);
		redirect(303, pageOf(event, 'title=removed', 'titles-heading'));
	},
	removePerson: async (event) => {
		const { locals, params } = event;
		const result = await removePersonFromOrganisation(locals.context, locals.actor, params.slug, params.id, params.personId);
		if (!result.ok) refuse(event, result.reason);
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/organisations/${params.id}`)}?removed=${encodeURIComponent(result.value.name)}#people-heading`);
	}
};
