/** Expected failures are values (ENGINEERING.md rule 4); routes map each reason to a message. */
export type Ok<T> = { ok: true; value: T };
export type Failure<R extends string> = { ok: false; reason: R; field?: string };
export type Result<T, R extends string = never> = Ok<T> | Failure<R | 'UNAUTHENTICATED' | 'FORBIDDEN'>;

export function ok<T>(value: T): Ok<T> {
	return { ok: true, value };
}

export function fail<R extends string>(reason: R, field?: string): Failure<R> {
	return field === undefined ? { ok: false, reason } : { ok: false, reason, field };
}
