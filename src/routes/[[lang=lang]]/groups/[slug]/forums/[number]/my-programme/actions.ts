/** What a personal programme page shares with its link variant: the withdraw, accept and decline actions, the file downloads. */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { z } from 'zod';
import type { Actor, ProgrammeGuest } from '$lib/server/auth/policy';
import { refuse } from '$lib/server/http/outcome';
import { acceptOffer, declineOffer, withdrawFromVisit } from '$lib/server/personal-programme/personal-programme.service';

const placeSchema = z.object({ personId: z.string().min(1).max(64), itemId: z.string().min(1).max(64) });

type Change = (...args: Parameters<typeof withdrawFromVisit>) => Promise<{ ok: true } | { ok: false; reason: string }>;

export function placeAction<E extends RequestEvent>(change: Change, done: 'withdrawn' | 'accepted' | 'declined', who: (event: E) => Promise<{ viewer: Actor | ProgrammeGuest; forumId: string; back: string }>) {
	return async (event: E) => {
		const parsed = placeSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { refusal: 'INVALID' });
		const { viewer, forumId, back } = await who(event);
		const result = await change(event.locals.context, viewer, forumId, parsed.data.personId, parsed.data.itemId, { origin: event.url.origin });
		if (!result.ok) {
			if (result.reason === 'NO_OFFER' || result.reason === 'NOT_ASSIGNED') return fail(409, { refusal: result.reason });
			refuse(event, result.reason);
		}
		redirect(303, `${back}${back.includes('?') ? '&' : '?'}${done}=1`);
	};
}

export const placeActions = { withdrawFromVisit, acceptOffer, declineOffer };

/** The format of …/programme.ics or …/programme.pdf, or a 404 for any other. */
export function programmeFormat(format: string): 'ics' | 'pdf' {
	if (format !== 'ics' && format !== 'pdf') error(404, m.error_not_found_title());
	return format;
}

/** A personal programme file as a download, never kept by a shared cache (names and visits of a person). */
export function programmeFileResponse(file: { body: string | Uint8Array; contentType: string; filename: string }): Response {
	return new Response(file.body as BodyInit, {
		headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' }
	});
}
