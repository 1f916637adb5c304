/**
 * Browser mode entry (`npm run serve`), bundled by esbuild to dist/serve/serve.mjs. Starts the
 * services and a loopback HTTP host serving the built renderer (dist/renderer) and the same API
 * dispatch as the desktop app. The start-up logic lives in services/host/run-serve.ts; this file
 * only touches the process: arguments, output, signals, exit code.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createAppServices } from './services/app-services';
import { runServe } from './services/host/run-serve';
import { defaultHomeDir } from './services/store/location';

// Resolved against the bundle (dist/serve/serve.mjs), not the working directory, so the
// command works from anywhere.
const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function openUrl(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args as string[], { stdio: 'ignore', detached: true, windowsHide: true });
  child.on('error', () => console.error('无法自动打开浏览器，请手动复制上面的“办公桌”链接打开。'));
  child.unref();
}

async function main(): Promise<void> {
  const outcome = await runServe(process.argv.slice(2), {
    createAppServices,
    defaultHomeDir: () => defaultHomeDir(process.platform, process.env, homedir()),
    staticDir,
    version: readVersion(),
    aboutFile: fileURLToPath(new URL('../about/about.json', import.meta.url)),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    openUrl,
  });
  if (outcome.kind === 'exit') {
    process.exitCode = outcome.code;
    return;
  }
  let signalled = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (signalled) {
      // A second Ctrl+C while closing: the user wants out now; the store's lock is taken over next start.
      process.exit(1);
    }
    signalled = true;
    console.log(`正在停止（${signal}）…`);
    outcome.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('停止时出错：', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error('浏览器模式意外退出：', err);
  process.exit(1);
});
