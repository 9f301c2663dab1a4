import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { zoneChoices } from '$lib/format/time-zones';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';
import { minutesEntryRefSchema, minutesEntrySchema, minutesMoveSchema, originalLanguageSchema } from '$lib/server/meetings/minutes.schema';
import { viewerZone } from '$lib/server/meetings/viewer-zone';
import { getMinutesEditor, moveMinutesEntry, publishMinutes, removeMinutesEntry, saveMinutesEntry, setOriginalLanguage } from '$lib/server/meetings/minutes.service';

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const editor = unwrap(event, await getMinutesEditor(locals.context, locals.actor, params.slug, params.id));
	const zone = viewerZone(event);
	return { editor, saved: url.searchParams.has('saved'), published: url.searchParams.get('published'), viewerZone: zone, zones: zoneChoices(zone) };
};

/** Which of the page's many forms a submission came from, so its errors and values go back to it. */
function formKeyOf(values: Record<string, string>): string {
	return values.id ? `${values.kind}:${values.id}` : `${values.kind}:new:${values.agendaItemId ?? ''}`;
}

function backToEditor(event: RequestEvent, anchor: string, query = 'saved=1'): never {
	const path = localizedPath(event.locals.locale, `/groups/${event.params.slug}/meetings/${event.params.id}/minutes/edit`);
	redirect(303, `${path}?${query}${anchor ? `#${anchor}` : ''}`);
}

export const actions: Actions = {
	save: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, minutesEntrySchema);
		if (!form.ok) return fail(400, { formKey: formKeyOf(form.values), values: form.values, errors: form.errors });
		const result = await saveMinutesEntry(locals.context, locals.actor, params.slug!, params.id!, form.data);
		if (!result.ok) {
			if (result.reason === 'INVALID_FIELD') return fail(400, { formKey: formKeyOf(form.values), values: form.values, errors: { [result.field]: result.code } as Record<string, string> });
			refuse(event, result.reason);
		}
		backToEditor(event, `entry-${result.value.id}`);
	},
	remove: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, minutesEntryRefSchema);
		if (!form.ok) refuse(event, 'NOT_FOUND');
		unwrap(event, await removeMinutesEntry(locals.context, locals.actor, params.slug!, params.id!, form.data));
		backToEditor(event, form.values.agendaItemId ? `item-${form.values.agendaItemId}` : '');
	},
	move: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, minutesMoveSchema);
		if (!form.ok) refuse(event, 'NOT_FOUND');
		unwrap(event, await moveMinutesEntry(locals.context, locals.actor, params.slug!, params.id!, form.data));
		backToEditor(event, `entry-${form.data.id}`);
	},
	language: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, originalLanguageSchema);
		if (!form.ok) return fail(400, { formKey: 'language', values: form.values, errors: form.errors });
		unwrap(event, await setOriginalLanguage(locals.context, locals.actor, params.slug!, params.id!, form.data.originalLanguage));
		backToEditor(event, 'settings');
	},
	publish: async (event) => {
		const { locals, params, url } = event;
		const result = await publishMinutes(locals.context, locals.actor, params.slug!, params.id!, url.origin);
		if (!result.ok) {
			if (result.reason === 'NO_DATE' || result.reason === 'ALREADY_PUBLISHED') return fail(400, { formKey: 'publish', publishError: result.reason });
			refuse(event, result.reason);
		}
		locals.wakeOutbox();
		backToEditor(event, 'publication', `published=${result.value.notified}`);
	}
};
