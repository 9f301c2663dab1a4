import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';
import { computeInputSchema, lockInputSchema, placementInputSchema, unlockInputSchema } from '$lib/server/consolidation/consolidation.schema';
import { computeAssignment, getConsolidation, placeDelegate, removeLock } from '$lib/server/consolidation/consolidation.service';

/** /groups/<slug>/forums/<n>/consolidation: assigning delegates to field visits (coordinators). */
export const load: PageServerLoad = async (event) => {
	return { consolidation: unwrap(event, await getConsolidation(event.locals.context, event.locals.actor, event.params.slug, Number(event.params.number))) };
};

type Event = RequestEvent<{ slug: string; number: string; lang?: string }>;
const back = (event: Event, query: string) => redirect(303, `${localizedPath(event.locals.locale, `/groups/${event.params.slug}/forums/${event.params.number}/consolidation`)}?${query}`);
const refused = (action: string, errors: Record<string, string>, values: Record<string, string> = {}, extra: Record<string, unknown> = {}, status = 400) =>
	fail(status, { action, values, errors, ...extra });

async function place(event: Event, source: 'lock' | 'move') {
	const { locals, params, request } = event;
	const form = await parseForm(request, source === 'lock' ? lockInputSchema : placementInputSchema);
	if (!form.ok) return refused(source, form.errors, form.values);
	const confirm = source === 'lock' || form.values.confirm === '1';
	const result = await placeDelegate(locals.context, locals.actor, params.slug, Number(params.number), form.data, { source, confirm });
	if (!result.ok) {
		if (result.reason === 'VISIT_FULL' && 'filled' in result) return refused(source, { visitId: 'visit_full' }, form.values, { full: { filled: result.filled, capacity: result.capacity } }, 409);
		if (result.reason === 'ALREADY_THERE') return refused(source, { visitId: 'already_there' }, form.values, {}, 409);
		if (result.reason === 'UNKNOWN_DELEGATE') return refused(source, { personId: 'invalid_choice' }, form.values);
		if (result.reason === 'UNKNOWN_VISIT') return refused(source, { visitId: 'invalid_choice' }, form.values);
		refuse(event, result.reason);
	}
	if (!confirm) return { action: source, values: form.values, errors: {}, preview: result.value };
	back(event, source === 'lock' ? 'locked=1' : 'moved=1');
}

export const actions: Actions = {
	compute: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, computeInputSchema);
		if (!form.ok) return refused('compute', form.errors, form.values);
		const result = await computeAssignment(locals.context, locals.actor, params.slug, Number(params.number), form.data);
		if (!result.ok) {
			if (result.reason === 'INVALID_INSTANCE') return refused('compute', { form: 'invalid_instance' }, form.values, { problems: 'problems' in result ? result.problems.map((problem) => problem.message) : [] }, 409);
			if (result.reason === 'NO_VISITS') return refused('compute', { form: 'no_visits' }, form.values, {}, 409);
			refuse(event, result.reason);
		}
		back(event, `computed=1&filled=${result.value.filled}&rankSum=${result.value.rankSum}`);
	},
	lock: (event) => place(event, 'lock'),
	move: (event) => place(event, 'move'),
	unlock: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, unlockInputSchema);
		if (!form.ok) return refused('unlock', form.errors, form.values);
		const result = await removeLock(locals.context, locals.actor, params.slug, Number(params.number), form.data);
		if (!result.ok) refuse(event, result.reason);
		back(event, 'unlocked=1');
	}
};
