import type { Generated } from 'kysely';

/** A person who can sign in. E-mail is stored lower-cased; it is the login. */
export interface UserAccountTable {
	id: string;
	email: string;
	name: string;
	preferred_language: 'fr' | 'ko' | 'en';
	/** scrypt digest ("scrypt$N$r$p$salt$hash"), or null for magic-link-only accounts. */
	password_hash: string | null;
	/** 1 for a platform administrator (Cités Unies France staff). */
	is_administrator: number;
	/** The directory person this account speaks for, which gives membership through their organisation. */
	person_id: string | null;
	created_at: string;
	/** Set when the person first proved they own the address (magic link or invitation). */
	email_verified_at: string | null;
}

export interface SessionTable {
	/** HMAC digest of the cookie's token: a database leak gives no usable session. */
	id: string;
	user_id: string;
	created_at: string;
	expires_at: string;
}

export interface LoginTokenTable {
	/** HMAC digest of the token sent by e-mail. */
	token_digest: string;
	purpose: 'magic-link' | 'invitation';
	user_id: string;
	created_at: string;
	expires_at: string;
	used_at: string | null;
	/** A path inside Dari to land on once signed in. */
	redirect_to: string | null;
}

/** Fixed-window counters shared by every process (so rate limits hold on PostgreSQL too). */
export interface RateLimitTable {
	bucket: string;
	window_start: string;
	hits: number;
}

export interface AuthTables {
	user_account: UserAccountTable;
	session: SessionTable;
	login_token: LoginTokenTable;
	rate_limit: RateLimitTable;
}

export type { Generated };
