#!/usr/bin/env node
// Makes sure a Chromium is there for the browser tests, and prints where it is.
// Playwright's own browser download needs the internet, which this machine does not have, so the
// tests run Debian's `chromium` instead. fonts-noto-cjk comes with it: without a CJK font the
// Korean pages render as boxes and axe-core's contrast checks measure nothing useful.
// poppler-utils too: the PDF tests render pages with pdftoppm to check the Korean text is drawn.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const INSTALL_COMMAND = 'apt-get install -y chromium fonts-noto-cjk poppler-utils';
const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function isExecutable(path) {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

function hasCommand(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

if (!isExecutable(candidate) || !hasCommand('pdftoppm')) {
	// Only install what we were not told to look for elsewhere: a CHROMIUM_PATH that does not
	// exist is a mistake to report, not a reason to install Debian's package.
	const canInstall = !process.env.CHROMIUM_PATH && process.getuid?.() === 0 && hasCommand('apt-get');
	if (canInstall) {
		console.error('Chromium or pdftoppm missing: installing them with apt-get…');
		const install = spawnSync('sh', ['-c', `apt-get update && DEBIAN_FRONTEND=noninteractive ${INSTALL_COMMAND}`], {
			stdio: 'inherit'
		});
		if (install.status !== 0) console.error(`apt-get failed (exit ${install.status}).`);
	}
	if (!isExecutable(candidate)) {
		console.error(`Chromium not found at ${candidate}: run \`sudo ${INSTALL_COMMAND}\` or set CHROMIUM_PATH to a Chromium binary.`);
		process.exit(1);
	}
	if (!hasCommand('pdftoppm')) {
		console.error(`pdftoppm not found: run \`sudo ${INSTALL_COMMAND}\`.`);
		process.exit(1);
	}
}

console.error(`Chromium: ${candidate}`);
