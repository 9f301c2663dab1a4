import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { zoneChoices } from '$lib/format/time-zones';
import { forumFieldErrors } from '$lib/server/forums/forum-form-errors';
import { forumInputSchema } from '$lib/server/forums/forum.schema';
import { getForumForm, updateForum } from '$lib/server/forums/forum.service';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';

export const load: PageServerLoad = async (event) => ({
	form: unwrap(event, await getForumForm(event.locals.context, event.locals.actor, event.params.slug, event.params.number)),
	zones: zoneChoices()
});

export const actions: Actions = {
	default: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, forumInputSchema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = await updateForum(locals.context, locals.actor, params.slug, params.number, form.data);
		if (!result.ok) {
			const errors = forumFieldErrors(result);
			if (errors) return fail(400, { values: form.values, errors });
			refuse(event, result.reason);
		}
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/forums/${result.value.number}`)}?saved=1`);
	}
};
