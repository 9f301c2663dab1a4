import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { zoneChoices } from '$lib/format/time-zones';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';
import { viewerZone } from '$lib/server/meetings/viewer-zone';
import {
	addDatePollOption,
	answerDatePoll,
	closeDatePoll,
	getDatePoll,
	moveDatePollOption,
	openDatePoll,
	removeDatePollOption,
	saveDatePollSettings,
	updateDatePollOption
} from '$lib/server/polls/date-poll.service';
import { datePollAnswerSchema, datePollOptionSchema, datePollSettingsSchema, optionIdSchema, optionMoveSchema } from '$lib/server/polls/poll.schema';

export const load: PageServerLoad = async (event) => {
	const zone = viewerZone(event);
	return {
		poll: unwrap(event, await getDatePoll(event.locals.context, event.locals.actor, event.params.slug, event.params.number)),
		viewerZone: zone,
		zones: zoneChoices(zone)
	};
};

type Event = RequestEvent<{ slug: string; number: string; lang?: string }>;
const back = (event: Event, query: string, anchor = '') =>
	redirect(303, `${localizedPath(event.locals.locale, `/groups/${event.params.slug}/forums/${event.params.number}/poll`)}?${query}${anchor}`);
const refused = (action: string, errors: Record<string, string>, values: Record<string, string> = {}, status = 400) => fail(status, { action, values, errors });

async function optionIdOf(request: Request): Promise<string> {
	try {
		return String((await request.clone().formData()).get('optionId') ?? '');
	} catch {
		return '';
	}
}

export const actions: Actions = {
	settings: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, datePollSettingsSchema);
		if (!form.ok) return refused('settings', form.errors, form.values);
		const result = await saveDatePollSettings(locals.context, locals.actor, params.slug, params.number, form.data);
		if (!result.ok) {
			if (result.reason === 'CLOSING_TIME_PAST') return refused('settings', { closesDate: 'closing_time_past' }, form.values);
			if (result.reason === 'POLL_CLOSED') return refused('settings', { form: 'poll_closed' }, form.values, 409);
			refuse(event, result.reason);
		}
		back(event, 'saved=settings', '#settings-heading');
	},
	addOption: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, datePollOptionSchema);
		if (!form.ok) return refused('addOption', form.errors, form.values);
		const result = await addDatePollOption(locals.context, locals.actor, params.slug, params.number, form.data);
		if (!result.ok) {
			if (result.reason === 'INVALID_FIELD') return refused('addOption', { endsOn: 'date_before_start' }, form.values);
			if (result.reason === 'OPTIONS_LOCKED') return refused('addOption', { form: 'options_locked' }, form.values, 409);
			refuse(event, result.reason);
		}
		back(event, 'saved=option', '#options-heading');
	},
	updateOption: async (event) => {
		const { locals, params, request } = event;
		const optionId = await optionIdOf(request);
		const form = await parseForm(request, datePollOptionSchema);
		if (!form.ok) return fail(400, { action: 'updateOption', values: form.values, errors: form.errors, optionId });
		const result = await updateDatePollOption(locals.context, locals.actor, params.slug, params.number, optionId, form.data);
		if (!result.ok) {
			if (result.reason === 'INVALID_FIELD') return fail(400, { action: 'updateOption', values: form.values, errors: { endsOn: 'date_before_start' } as Record<string, string>, optionId });
			if (result.reason === 'OPTIONS_LOCKED') return refused('options', { form: 'options_locked' }, {}, 409);
			refuse(event, result.reason);
		}
		back(event, 'saved=option', '#options-heading');
	},
	removeOption: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, optionIdSchema);
		if (!form.ok) refuse(event, 'INVALID');
		const result = await removeDatePollOption(locals.context, locals.actor, params.slug, params.number, form.data.optionId);
		if (!result.ok) {
			if (result.reason === 'OPTIONS_LOCKED') return refused('options', { form: 'options_locked' }, {}, 409);
			refuse(event, result.reason);
		}
		back(event, 'saved=option', '#options-heading');
	},
	moveOption: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, optionMoveSchema);
		if (!form.ok) refuse(event, 'INVALID');
		const result = await moveDatePollOption(locals.context, locals.actor, params.slug, params.number, form.data.optionId, form.data.direction);
		if (!result.ok) {
			if (result.reason === 'OPTIONS_LOCKED') return refused('options', { form: 'options_locked' }, {}, 409);
			refuse(event, result.reason);
		}
		back(event, 'saved=option', '#options-heading');
	},
	open: async (event) => {
		const { locals, params } = event;
		const result = await openDatePoll(locals.context, locals.actor, params.slug, params.number);
		if (!result.ok) {
			if (result.reason === 'CLOSING_TIME_PAST') return refused('open', { form: 'closing_time_past' }, {}, 409);
			if (result.reason === 'NO_OPTIONS') return refused('open', { form: 'no_options' }, {}, 409);
			if (result.reason === 'OPTIONS_LOCKED') return refused('open', { form: 'options_locked' }, {}, 409);
			refuse(event, result.reason);
		}
		back(event, 'opened=1');
	},
	answer: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, datePollAnswerSchema);
		if (!form.ok) return refused('answer', form.errors, form.values);
		const result = await answerDatePoll(locals.context, locals.actor, params.slug, params.number, form.data);
		if (!result.ok) {
			// The page shows the closing time in the viewer's zone beside this message.
			if (result.reason === 'POLL_CLOSED') return refused('answer', { form: 'poll_closed' }, form.values, 409);
			if (result.reason === 'POLL_NOT_OPEN') return refused('answer', { form: 'poll_not_open' }, form.values, 409);
			if (result.reason === 'NOT_RESPONDENT') return refused('answer', { form: 'not_respondent' }, form.values, 403);
			if (result.reason === 'INVALID_FIELD') return refused('answer', { [result.field ?? 'form']: result.field === 'organisationId' && form.data.organisationId ? 'invalid_choice' : 'required' }, form.values);
			refuse(event, result.reason);
		}
		back(event, 'answered=1', '#results-heading');
	},
	close: async (event) => {
		const { locals, params, request, url } = event;
		const form = await parseForm(request, optionIdSchema);
		if (!form.ok) return refused('close', form.errors, form.values);
		const result = await closeDatePoll(locals.context, locals.actor, params.slug, params.number, form.data.optionId, { origin: url.origin });
		if (!result.ok) {
			if (result.reason === 'INVALID_FIELD') return refused('close', { optionId: 'invalid_choice' }, form.values);
			if (result.reason === 'POLL_CLOSED') return refused('close', { form: 'poll_closed' }, form.values, 409);
			if (result.reason === 'POLL_NOT_OPEN') return refused('close', { form: 'poll_not_open' }, form.values, 409);
			refuse(event, result.reason);
		}
		locals.wakeOutbox?.();
		back(event, `closed=${result.value.emailed}`);
	}
};
