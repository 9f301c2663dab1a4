/**
 * Password digests with Node's scrypt (memory-hard, no native add-on to build). Parameters follow
 * OWASP's scrypt minimum (N=2^17, r=8, p=1), which costs ~130 MiB-seconds per check: slow enough
 * against guessing, fast enough (~0.2 s here) for a sign-in.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const COST = 2 ** 17;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, cost: number, blockSize: number, parallelism: number) {
	return new Promise<Buffer>((resolve, reject) =>
		scrypt(
			password.normalize('NFKC'),
			salt,
			KEY_LENGTH,
			{ N: cost, r: blockSize, p: parallelism, maxmem: MAX_MEMORY },
			(error, key) => (error ? reject(error) : resolve(key))
		)
	);
}

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(password, salt, COST, BLOCK_SIZE, PARALLELISM);
	return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, digest: string): Promise<boolean> {
	const [scheme, cost, blockSize, parallelism, salt, key] = digest.split('$');
	if (scheme !== 'scrypt' || !salt || !key) return false;
	const expected = Buffer.from(key, 'base64url');
	const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(cost), Number(blockSize), Number(parallelism));
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A digest to compare against when the account does not exist, so both paths take as long. */
let decoy: Promise<string> | undefined;
export function decoyDigest(): Promise<string> {
	decoy ??= hashPassword(randomBytes(16).toString('hex'));
	return decoy;
}
