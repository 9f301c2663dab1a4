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
	const from = url.searchParams.get('from');
	// An unknown previous meeting (?from=) is a 404 when the page is asked for; after a refused
	// submission (the previous meeting gone meanwhile) the form is shown again without it.
	let found = await getMeetingFormDefaults(locals.context, locals.actor, params.slug, from);
	if (!found.ok && found.reason === 'NOT_FOUND' && from && event.request.method === 'POST') found = await getMeetingFormDefaults(locals.context, locals.actor, params.slug, null);
	const defaults = unwrap(event, found);
	return { ...defaults, zones: zoneChoices(viewerZone(event)) };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, meetingInputSchema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = await scheduleMeeting(locals.context, locals.actor, params.slug, form.data);
		if (!result.ok) {
			// The only field the service refuses is the hidden previous meeting (unknown, or of another
			// group): said in a visible notice, and the form sent again creates the meeting without it.
			if (result.reason === 'INVALID_FIELD') return fail(400, { values: { ...form.values, previousMeetingId: '' } as Record<string, string>, errors: {} as Record<string, string>, previousUnknown: true });
			refuse(event, result.reason);
		}
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/meetings/${result.value.meetingId}`)}?created=1`);
	}
};
