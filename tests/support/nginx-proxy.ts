/**
 * The reverse-proxy recipe of the README (deploy/nginx/consulta.conf) run for real: the file is
 * rendered with a test's ports — its listen lines, upstream servers, certificate and log paths
 * replaced, each replacement checked so that a change of the recipe cannot slip past the test — and
 * Debian's nginx (/usr/sbin/nginx, or NGINX_BIN) runs it in the foreground from a throwaway prefix
 * directory (no root needed, nothing written under /etc or /var).
 *
 * TLS is terminated by nginx as in production, with the test certificate of tests/fixtures/tls
 * (self-signed for IP 127.0.0.1, valid until 2126; made with
 * `openssl req -x509 -newkey rsa:2048 -nodes -keyout proxy-127.0.0.1.key -out proxy-127.0.0.1.crt
 * -days 36500 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -addext basicConstraints=critical,CA:TRUE`).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { projectRoot, resultsDir } from "./e2e-server";

export const RECIPE = path.join(projectRoot, "deploy/nginx/consulta.conf");
const TLS_DIR = path.join(projectRoot, "tests/fixtures/tls");
/** The certificate nginx presents: the trust anchor for the test's clients. */
export const PROXY_CA = fs.readFileSync(path.join(TLS_DIR, "proxy-127.0.0.1.crt"), "utf8");

export interface RenderOptions {
  httpsPort: number;
  httpPort: number;
  /** host:port of each app instance. */
  upstreams: string[];
  certificate: string;
  certificateKey: string;
  accessLog: string;
  /**
   * The address nginx connects to the instances from (proxy_bind), standing for "nginx on a host of
   * its own": the instances then tell the proxy (TRUSTED_PROXIES) from the browsers (127.0.0.1).
   */
  proxyAddress: string;
}

/** Replaces `pattern` in `text`, insisting on exactly `count` matches. */
function replaceExactly(text: string, pattern: RegExp, replacement: (match: string, ...groups: (string | undefined)[]) => string, count: number): string {
  const global = new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`);
  const found = text.match(global)?.length ?? 0;
  if (found !== count) throw new Error(`deploy/nginx/consulta.conf changed: expected ${count} match(es) of ${pattern}, found ${found}`);
  // The callback's arguments: the match, the groups, then the offset (a number) and the whole text.
  return text.replace(global, (match, ...rest: unknown[]) => replacement(match, ...(rest.slice(0, rest.findIndex((value) => typeof value === "number")) as (string | undefined)[])));
}

/** The recipe with the test's ports, instances, certificate and log; everything else as shipped. */
export function renderRecipe(recipe: string, options: RenderOptions): string {
  let text = recipe;
  text = replaceExactly(text, /^\s*listen \[::\]:.*\n/m, () => "", 2); // IPv6 may be missing in CI containers
  text = replaceExactly(text, /listen 443 ssl http2;/, () => `listen 127.0.0.1:${options.httpsPort} ssl http2;`, 1);
  text = replaceExactly(text, /listen 80;/, () => `listen 127.0.0.1:${options.httpPort};`, 1);
  // The example's two upstream servers become the test's instances, with the recipe's parameters.
  let first = true;
  text = replaceExactly(
    text,
    /^(\s*)server 10\.0\.0\.\d+:3000([^;]*);\n/m,
    (_line, indent = "", parameters = "") => {
      if (!first) return "";
      first = false;
      return options.upstreams.map((upstream) => `${indent}server ${upstream}${parameters};\n`).join("");
    },
    2,
  );
  text = replaceExactly(text, /\/etc\/ssl\/consulta\/fullchain\.pem/, () => options.certificate, 1);
  text = replaceExactly(text, /\/etc\/ssl\/consulta\/privkey\.pem/, () => options.certificateKey, 1);
  text = replaceExactly(text, /\/var\/log\/nginx\/consulta\.access\.log/, () => options.accessLog, 1);
  text = replaceExactly(text, /proxy_http_version 1\.1;/, (line) => `${line}\n    proxy_bind ${options.proxyAddress};`, 1);
  return text;
}

/** One line of the recipe's JSON access log. */
export interface AccessLogLine {
  time: string;
  requestId: string;
  client: string;
  method: string;
  path: string;
  status: number;
  upstream: string;
  upstreamStatus: string;
  durationS: number;
}

export interface NginxProxy {
  /** https://127.0.0.1:<port>: the public address (PUBLIC_URL). */
  url: string;
  /** http://127.0.0.1:<port>: the plain-HTTP server that redirects. */
  httpUrl: string;
  /** The access log so far. */
  accessLog(): AccessLogLine[];
  /** The access log line of a request, waiting for nginx to write it. */
  logLineOf(requestId: string, timeoutMs?: number): Promise<AccessLogLine>;
  stop(): Promise<void>;
}

export function nginxBinary(): string {
  const explicit = process.env.NGINX_BIN?.trim();
  if (explicit) return explicit;
  return fs.existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * nginx running the rendered recipe in front of `upstreams`, on the two given ports. The main
 * configuration is the minimum around the recipe's http-level file (pid, temp paths, error log in
 * the prefix directory), as /etc/nginx/nginx.conf is around /etc/nginx/conf.d/*.conf.
 */
export async function startNginxProxy(options: { httpsPort: number; httpPort: number; upstreams: string[]; proxyAddress: string; label: string }): Promise<NginxProxy> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), `consulta-nginx-${options.label}-`));
  fs.chmodSync(prefix, 0o755);
  const accessLog = path.join(prefix, "consulta.access.log");
  fs.writeFileSync(
    path.join(prefix, "consulta.conf"),
    renderRecipe(fs.readFileSync(RECIPE, "utf8"), {
      ...options,
      certificate: path.join(TLS_DIR, "proxy-127.0.0.1.crt"),
      certificateKey: path.join(TLS_DIR, "proxy-127.0.0.1.key"),
      accessLog,
    }),
  );
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => {
    const dir = path.join(prefix, `${kind}_temp`);
    fs.mkdirSync(dir, { mode: 0o777 });
    fs.chmodSync(dir, 0o777); // the workers' user (nobody when the master runs as root) writes there
    return `${kind}_temp_path ${dir};`;
  });
  const main = path.join(prefix, "nginx.conf");
  fs.writeFileSync(
    main,
    [
      `pid ${path.join(prefix, "nginx.pid")};`,
      `error_log ${path.join(prefix, "error.log")} warn;`,
      "worker_processes 2;",
      "events { worker_connections 1024; }",
      "http {",
      ...temp.map((line) => `  ${line}`),
      "  access_log off;",
      `  include ${path.join(prefix, "consulta.conf")};`,
      "}",
      "",
    ].join("\n"),
  );
  const nginx = nginxBinary();
  const logFile = path.join(resultsDir, `nginx-${options.label}.log`);
  try {
    execFileSync(nginx, ["-t", "-q", "-p", prefix, "-c", main, "-e", path.join(prefix, "error.log")], { stdio: "pipe" });
  } catch (error) {
    throw new Error(`nginx -t rejected the rendered recipe: ${(error as { stderr?: Buffer }).stderr?.toString() ?? error}`);
  }
  const out = fs.openSync(logFile, "w");
  const child: ChildProcess = spawn(nginx, ["-p", prefix, "-c", main, "-e", path.join(prefix, "error.log"), "-g", "daemon off;"], { stdio: ["ignore", out, out], detached: true });
  fs.closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start nginx");
  let exited: string | undefined;
  const exit = new Promise<void>((resolve) => child.once("exit", (code, signal) => ((exited = signal ? `signal ${signal}` : `exit code ${code}`), resolve())));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // gone
    }
  };
  const onExit = () => kill("SIGKILL");
  process.once("exit", onExit);

  const stop = async () => {
    if (exited === undefined) {
      kill("SIGTERM"); // fast shutdown: open sockets are closed
      await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      kill("SIGKILL");
      await exit;
    }
    process.removeListener("exit", onExit);
    fs.copyFileSync(accessLog, path.join(resultsDir, `nginx-${options.label}.access.log`));
    fs.appendFileSync(logFile, tail(path.join(prefix, "error.log"), 200));
    fs.rmSync(prefix, { recursive: true, force: true });
  };

  const deadline = Date.now() + 15_000;
  while (!(await listening(options.httpsPort))) {
    if (exited !== undefined || Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not start (${exited ?? "not listening"}):\n${tail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const readLog = (): AccessLogLine[] =>
    (fs.existsSync(accessLog) ? fs.readFileSync(accessLog, "utf8") : "")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AccessLogLine);

  return {
    url: `https://127.0.0.1:${options.httpsPort}`,
    httpUrl: `http://127.0.0.1:${options.httpPort}`,
    accessLog: readLog,
    async logLineOf(requestId, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const line = readLog().find((entry) => entry.requestId === requestId);
        if (line) return line;
        if (Date.now() > until) throw new Error(`no access log line for request ${requestId}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop,
  };
}

export interface ProxyResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request through the proxy (HTTPS, trusting only the test certificate), from `localAddress`
 * (default 127.0.0.1). No cookie jar: what the request carries is what `headers` says.
 */
export function proxyRequest(
  url: string,
  { method = "GET", headers = {}, body, localAddress }: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<ProxyResponse> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      { method, headers, localAddress, ca: PROXY_CA, agent: false, timeout: 20_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`${method} ${url}: no answer within 20 s`)));
    request.on("error", reject);
    request.end(body);
  });
}

/** The value nginx's Set-Cookie gives the sticky-route cookie (the request's id), if it set one. */
export function routeCookieOf(response: ProxyResponse): string | undefined {
  for (const header of response.headers["set-cookie"] ?? []) {
    const match = /^consulta_route=([0-9a-f]{32});/.exec(header);
    if (match) return match[1];
  }
  return undefined;
}
