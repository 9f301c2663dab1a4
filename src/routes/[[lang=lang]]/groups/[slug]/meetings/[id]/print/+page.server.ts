import type { PageServerLoad } from './$types';
import { unwrap } from '$lib/server/http/outcome';
import { readMinutesForPrint } from '$lib/server/meetings/export/minutes-export.service';

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const minutes = unwrap(
		event,
		await readMinutesForPrint(locals.context, locals.actor, params.slug, params.id, url.searchParams.get('lang'), {
			allParticipants: url.searchParams.get('participants') === 'all'
		})
	);
	return { ...minutes, locale: locals.locale };
};
