import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { zoneChoices } from '$lib/format/time-zones';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';
import { agendaItemInputSchema, agendaMoveSchema, answerInputSchema, attendanceInputSchema, meetingInputSchema } from '$lib/server/meetings/meeting.schema';
import {
	addAgendaItem,
	answerInvitation,
	getMeeting,
	moveAgendaItem,
	recordAttendance,
	removeAgendaItem,
	sendInvitations,
	updateAgendaItem,
	updateMeeting
} from '$lib/server/meetings/meeting.service';
import { viewerZone } from '$lib/server/meetings/viewer-zone';

export const load: PageServerLoad = async (event) => {
	const zone = viewerZone(event);
	return {
		page: unwrap(event, await getMeeting(event.locals.context, event.locals.actor, event.params.slug, event.params.id)),
		viewerZone: zone,
		zones: zoneChoices(zone)
	};
};

type Event = RequestEvent<{ slug: string; id: string; lang?: string }>;
const back = (event: Event, query: string, anchor = '') =>
	redirect(303, `${localizedPath(event.locals.locale, `/groups/${event.params.slug}/meetings/${event.params.id}`)}?${query}${anchor}`);

async function itemIdOf(request: Request): Promise<string> {
	try {
		return String((await request.clone().formData()).get('itemId') ?? '');
	} catch {
		return '';
	}
}

export const actions: Actions = {
	update: async (event) => {
		const { locals, params, request, url } = event;
		const form = await parseForm(request, meetingInputSchema);
		if (!form.ok) return fail(400, { action: 'update', values: form.values, errors: form.errors, itemId: '' });
		const result = await updateMeeting(locals.context, locals.actor, params.slug, params.id, form.data, { origin: url.origin });
		if (!result.ok) refuse(event, result.reason);
		locals.wakeOutbox?.();
		back(event, result.value.updatedInvitations ? `saved=1&updates=${result.value.updatedInvitations}` : 'saved=1');
	},
	addItem: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, agendaItemInputSchema);
		if (!form.ok) return fail(400, { action: 'addItem', values: form.values, errors: form.errors, itemId: '' });
		const result = await addAgendaItem(locals.context, locals.actor, params.slug, params.id, form.data);
		if (!result.ok) {
			if (result.reason === 'INVALID_FIELD') return fail(400, { action: 'addItem', values: form.values, errors: { presenterPersonId: 'invalid_choice' } as Record<string, string>, itemId: '' });
			refuse(event, result.reason);
		}
		back(event, 'agenda=saved', '#agenda-heading');
	},
	updateItem: async (event) => {
		const { locals, params, request } = event;
		const itemId = await itemIdOf(request);
		const form = await parseForm(request, agendaItemInputSchema);
		if (!form.ok) return fail(400, { action: 'updateItem', values: form.values, errors: form.errors, itemId });
		const result = await updateAgendaItem(locals.context, locals.actor, params.slug, params.id, itemId, form.data);
		if (!result.ok) {
			if (result.reason === 'INVALID_FIELD') return fail(400, { action: 'updateItem', values: form.values, errors: { presenterPersonId: 'invalid_choice' } as Record<string, string>, itemId });
			refuse(event, result.reason);
		}
		back(event, 'agenda=saved', '#agenda-heading');
	},
	removeItem: async (event) => {
		const { locals, params, request } = event;
		const itemId = await itemIdOf(request);
		const result = await removeAgendaItem(locals.context, locals.actor, params.slug, params.id, itemId);
		if (!result.ok) {
			if (result.reason === 'HAS_MINUTES') return fail(409, { action: 'removeItem', values: {} as Record<string, string>, errors: { form: 'has_minutes' } as Record<string, string>, itemId });
			refuse(event, result.reason);
		}
		back(event, 'agenda=saved', '#agenda-heading');
	},
	moveItem: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, agendaMoveSchema);
		if (!form.ok) refuse(event, 'INVALID');
		const result = await moveAgendaItem(locals.context, locals.actor, params.slug, params.id, form.data.itemId, form.data.direction);
		if (!result.ok) refuse(event, result.reason);
		back(event, 'agenda=saved', '#agenda-heading');
	},
	invite: async (event) => {
		const { locals, params, url } = event;
		const result = await sendInvitations(locals.context, locals.actor, params.slug, params.id, { origin: url.origin });
		if (!result.ok) {
			if (result.reason === 'NO_DATE') return fail(400, { action: 'invite', values: {} as Record<string, string>, errors: { form: 'no_date' } as Record<string, string>, itemId: '' });
			refuse(event, result.reason);
		}
		locals.wakeOutbox?.();
		back(event, `invited=${result.value.sent}`, '#invitations-heading');
	},
	answer: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, answerInputSchema);
		if (!form.ok) refuse(event, 'INVALID');
		const result = await answerInvitation(locals.context, locals.actor, params.slug, params.id, form.data.response);
		if (!result.ok) {
			if (result.reason === 'NOT_INVITED') return fail(403, { action: 'answer', values: {} as Record<string, string>, errors: { form: 'not_invited' } as Record<string, string>, itemId: '' });
			refuse(event, result.reason);
		}
		back(event, 'answered=1', '#answer-heading');
	},
	attendance: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, attendanceInputSchema);
		if (!form.ok) return fail(400, { action: 'attendance', values: form.values, errors: form.errors, itemId: '' });
		const result = await recordAttendance(locals.context, locals.actor, params.slug, params.id, form.data);
		if (!result.ok) {
			if (result.reason === 'INVALID_FIELD') return fail(400, { action: 'attendance', values: form.values, errors: { form: 'invalid_choice' } as Record<string, string>, itemId: '' });
			refuse(event, result.reason);
		}
		back(event, 'attendance=saved', '#attendance-heading');
	}
};
