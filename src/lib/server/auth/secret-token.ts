import { createHmac, randomBytes } from 'node:crypto';

/** 32 random bytes: the token itself, given to the user (cookie or e-mailed link), never stored. */
export function createSecretToken(): string {
	return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: an HMAC under the instance secret. */
export function digestToken(secret: string, token: string): string {
	return createHmac('sha256', secret).update(token).digest('base64url');
}
