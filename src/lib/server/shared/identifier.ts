import { randomUUID } from 'node:crypto';

/** Ids are random UUIDs as text: the same on SQLite and PostgreSQL, and safe to show in URLs. */
export function newId(): string {
	return randomUUID();
}

export function isId(value: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
}
