import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { checkHealth } from '$lib/server/health/health.service';

/** For load balancers and the fresh-clone check: 200 when the database answers, 503 when not. */
export const GET: RequestHandler = async ({ locals }) => {
	const health = await checkHealth(locals.context);
	return json(health, { status: health.database === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
