import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { zoneChoices } from '$lib/format/time-zones';
import { forumFieldErrors } from '$lib/server/forums/forum-form-errors';
import { copyProgrammeSchema, programmeItemInputSchema } from '$lib/server/forums/forum.schema';
import { addProgrammeItem, copyProgrammeFrom, getProgramme } from '$lib/server/forums/forum.service';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';
import { viewerZone } from '$lib/server/meetings/viewer-zone';

export const load: PageServerLoad = async (event) => {
	const zone = viewerZone(event);
	return {
		programme: unwrap(event, await getProgramme(event.locals.context, event.locals.actor, event.params.slug, event.params.number)),
		viewerZone: zone,
		zones: zoneChoices(zone)
	};
};

const programmePath = (locale: Parameters<typeof localizedPath>[0], slug: string, number: string) => localizedPath(locale, `/groups/${slug}/forums/${number}/programme`);

export const actions: Actions = {
	addItem: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, programmeItemInputSchema);
		if (!form.ok) return fail(400, { action: 'addItem' as const, values: form.values, errors: form.errors });
		const result = await addProgrammeItem(locals.context, locals.actor, params.slug, params.number, form.data);
		if (!result.ok) {
			const errors = forumFieldErrors(result);
			if (errors) return fail(400, { action: 'addItem' as const, values: form.values, errors });
			refuse(event, result.reason);
		}
		redirect(303, `${programmePath(locals.locale, params.slug, params.number)}?added=1#item-${result.value.itemId}`);
	},
	copy: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, copyProgrammeSchema);
		if (!form.ok) return fail(400, { action: 'copy' as const, values: form.values, errors: form.errors });
		const result = await copyProgrammeFrom(locals.context, locals.actor, params.slug, params.number, form.data.fromNumber);
		if (!result.ok) {
			if (result.reason === 'NO_DATES' || result.reason === 'EMPTY_SOURCE' || (result.reason === 'NOT_FOUND' && result.field)) {
				return fail(400, { action: 'copy' as const, values: form.values, errors: {} as Record<string, string>, copyRefusal: result.reason });
			}
			refuse(event, result.reason);
		}
		redirect(303, `${programmePath(locals.locale, params.slug, params.number)}?copied=${result.value.copied}`);
	}
};
