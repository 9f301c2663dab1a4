import type { PageServerLoad } from './$types';
import { readMailboxMessage } from '$lib/server/mail/mailbox.service';
import { unwrap } from '$lib/server/http/outcome';

export const load: PageServerLoad = async (event) => ({
	message: unwrap(event, await readMailboxMessage(event.locals.context, event.locals.actor, event.params.id))
});
