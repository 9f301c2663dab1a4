import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { forumFieldErrors } from '$lib/server/forums/forum-form-errors';
import { programmeItemInputSchema } from '$lib/server/forums/forum.schema';
import { deleteProgrammeItem, getProgrammeItemForm, updateProgrammeItem } from '$lib/server/forums/forum.service';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';

export const load: PageServerLoad = async (event) => ({
	item: unwrap(event, await getProgrammeItemForm(event.locals.context, event.locals.actor, event.params.slug, event.params.number, event.params.itemId))
});

export const actions: Actions = {
	update: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, programmeItemInputSchema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = await updateProgrammeItem(locals.context, locals.actor, params.slug, params.number, params.itemId, form.data);
		if (!result.ok) {
			const errors = forumFieldErrors(result);
			if (errors) return fail(400, { values: form.values, errors });
			refuse(event, result.reason);
		}
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/forums/${params.number}/programme`)}?saved=1#item-${params.itemId}`);
	},
	delete: async (event) => {
		const { locals, params } = event;
		const result = await deleteProgrammeItem(locals.context, locals.actor, params.slug, params.number, params.itemId);
		if (!result.ok) refuse(event, result.reason);
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/forums/${params.number}/programme`)}?deleted=1`);
	}
};
