import type { Locale } from '$lib/paraglide/runtime.js';
import type { Actor } from '$lib/server/auth/policy';
import type { SignedInUser } from '$lib/server/auth/auth.service';
import type { ServiceContext } from '$lib/server/shared/context';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Quoted to an administrator to find the log line; never a stack trace. */
			errorId?: string;
		}
		interface Locals {
			locale: Locale;
			/** The language came from the URL (/ko/…), not from a cookie or the browser. */
			localeFromPath: boolean;
			context: ServiceContext;
			actor: Actor;
			user: SignedInUser | null;
			sessionToken: string | null;
			requestId: string;
			/** Ask the outbox sender to deliver now (after an action that queued e-mail). */
			wakeOutbox: () => void;
		}
	}
}

export {};
