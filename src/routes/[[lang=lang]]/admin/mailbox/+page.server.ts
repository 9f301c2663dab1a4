import type { PageServerLoad } from './$types';
import { listMailbox } from '$lib/server/mail/mailbox.service';
import { unwrap } from '$lib/server/http/outcome';

export const load: PageServerLoad = async (event) => {
	const page = Number.parseInt(event.url.searchParams.get('page') ?? '1', 10) || 1;
	return unwrap(event, await listMailbox(event.locals.context, event.locals.actor, page));
};
