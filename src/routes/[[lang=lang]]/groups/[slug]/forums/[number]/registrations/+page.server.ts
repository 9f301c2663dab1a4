import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { zoneChoices } from '$lib/format/time-zones';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';
import { viewerZone } from '$lib/server/meetings/viewer-zone';
import { getRegistrationDashboard } from '$lib/server/registrations/registration-dashboard.service';
import { personalLinkInputSchema, registrationRoundInputSchema, reminderInputSchema } from '$lib/server/registrations/registration.schema';
import { openRegistrations, roundFormValues } from '$lib/server/registrations/registration.service';
import { remindOrganisations, sendPersonalLink } from '$lib/server/registrations/reminder.service';

/** /groups/<slug>/forums/<n>/registrations: the coordinators' dashboard. */
export const load: PageServerLoad = async (event) => {
	const dashboard = unwrap(event, await getRegistrationDashboard(event.locals.context, event.locals.actor, event.params.slug, Number(event.params.number)));
	const zone = viewerZone(event);
	return { dashboard, roundValues: roundFormValues(dashboard.round), viewerZone: zone, zones: zoneChoices(zone) };
};

type Event = RequestEvent<{ slug: string; number: string; lang?: string }>;
const back = (event: Event, query: string) => redirect(303, `${localizedPath(event.locals.locale, `/groups/${event.params.slug}/forums/${event.params.number}/registrations`)}?${query}`);
const refused = (action: string, errors: Record<string, string>, values: Record<string, string> = {}, status = 400) => fail(status, { action, values, errors });

export const actions: Actions = {
	open: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, registrationRoundInputSchema);
		if (!form.ok) return refused('open', form.errors, form.values);
		const result = await openRegistrations(locals.context, locals.actor, params.slug, Number(params.number), form.data);
		if (!result.ok) {
			if (result.reason === 'DEADLINE_IN_PAST') return refused('open', { deadlineDate: 'deadline_in_past' }, form.values);
			refuse(event, result.reason);
		}
		back(event, 'opened=1');
	},
	remind: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, reminderInputSchema);
		if (!form.ok) return refused('remind', form.errors);
		const result = await remindOrganisations(locals.context, locals.actor, params.slug, Number(params.number), form.data.organisationId || null, { origin: event.url.origin });
		if (!result.ok) {
			if (result.reason === 'ALREADY_ANSWERED') return refused('remind', { form: 'already_answered' }, form.values, 409);
			if (result.reason === 'DEADLINE_PASSED' || result.reason === 'NOT_OPEN') return refused('remind', { form: 'registration_closed' }, form.values, 409);
			refuse(event, result.reason);
		}
		locals.wakeOutbox();
		back(event, `reminded=${result.value.organisations}&messages=${result.value.messages}`);
	},
	link: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, personalLinkInputSchema);
		if (!form.ok) return refused('link', form.errors, form.values);
		const result = await sendPersonalLink(locals.context, locals.actor, params.slug, Number(params.number), form.data.personId, { origin: event.url.origin });
		if (!result.ok) {
			if (result.reason === 'NO_EMAIL') return refused('link', { form: 'no_email' }, form.values);
			if (result.reason === 'DEADLINE_PASSED' || result.reason === 'NOT_OPEN') return refused('link', { form: 'registration_closed' }, form.values, 409);
			refuse(event, result.reason);
		}
		locals.wakeOutbox();
		back(event, `linked=${encodeURIComponent(result.value.to)}`);
	}
};
