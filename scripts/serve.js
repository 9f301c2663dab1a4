#!/usr/bin/env node
// Dari's HTTP server: adapter-node's handler behind a plain node:http server.
//
// Why not adapter-node's own build/index.js: without ORIGIN set, it assumes every request came
// over HTTPS, so on a laptop's http://localhost:3000 SvelteKit's CSRF check refuses every form.
// Here the protocol is what the socket really is (a header only this server sets; a client's copy
// is overwritten), unless the operator says otherwise: ORIGIN, or PROTOCOL_HEADER behind a proxy.
import http from 'node:http';

const PROTOCOL_HEADER = 'x-dari-socket-protocol';
// An empty variable means unset, as everywhere in Dari's configuration (adapter-node would reject it).
for (const name of ['ORIGIN', 'PROTOCOL_HEADER', 'HOST_HEADER', 'ADDRESS_HEADER']) {
	if (process.env[name] === '') delete process.env[name];
}
const ownProtocolHeader = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
// Uploads (a partnership's documents, a practice's photos) may be 10 MB (upload-validation.ts);
// adapter-node refuses bodies over 512 KB unless told otherwise. 11 MB leaves room for the form.
if (!process.env.BODY_SIZE_LIMIT) process.env.BODY_SIZE_LIMIT = '11M';
if (ownProtocolHeader) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;

// Importing the handler starts Dari (hooks.server.ts `init`): configuration, database, migrations,
// demo data. It exits with a one-line message when it cannot.
const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
/** Seconds to let requests in flight finish after SIGTERM (adapter-node's default too). */
const shutdownTimeout = Number(process.env.SHUTDOWN_TIMEOUT ?? 30);

const server = http.createServer((request, response) => {
	if (ownProtocolHeader) request.headers[PROTOCOL_HEADER] = request.socket.encrypted ? 'https' : 'http';
	handler(request, response, () => {
		response.statusCode = 404;
		response.end('Not found');
	});
});

server.listen(port, host, () => {
	console.log(`Listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
});
server.on('error', (error) => {
	console.error(`Dari cannot listen on ${host}:${port}: ${error.message}`);
	process.exit(1);
});

let stopping = false;
function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	// Stop accepting, let requests in flight finish, then close the database (hooks.server.ts).
	server.close(() => {
		clearTimeout(forced);
		process.emit('sveltekit:shutdown', signal);
	});
	server.closeIdleConnections();
	const forced = setTimeout(() => server.closeAllConnections(), shutdownTimeout * 1000);
	forced.unref();
}
server.on('request', (request) => {
	request.on('close', () => {
		if (stopping) server.closeIdleConnections();
	});
});
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
