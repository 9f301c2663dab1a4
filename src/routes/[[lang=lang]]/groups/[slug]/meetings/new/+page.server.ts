import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { zoneChoices } from '$lib/format/time-zones';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';
import { meetingInputSchema } from '$lib/server/meetings/meeting.schema';
import { getMeetingFormDefaults, scheduleMeeting } from '$lib/server/meetings/meeting.service';
import { viewerZone } from '$lib/server/meetings/viewer-zone';

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const defaults = unwrap(event, await getMeetingFormDefaults(locals.context, locals.actor, params.slug, url.searchParams.get('from')));
	return { ...defaults, zones: zoneChoices(viewerZone(event)) };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, meetingInputSchema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = await scheduleMeeting(locals.context, locals.actor, params.slug, form.data);
		if (!result.ok) {
			if (result.reason === 'INVALID_FIELD') return fail(400, { values: form.values, errors: { [result.field ?? 'form']: 'invalid_choice' } as Record<string, string> });
			refuse(event, result.reason);
		}
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/meetings/${result.value.meetingId}`)}?created=1`);
	}
};
