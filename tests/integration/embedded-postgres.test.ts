/**
 * The embedded PostgreSQL: persists data across restarts on the same data directory, survives a
 * stale lock file, reports a busy port clearly, and restores the binaries' library symlinks.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";


import { findFreePort, hydratePostgresSymlinks, startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { sql } from "../support/pg-sql";

jest.setTimeout(120_000);

const log = (message: string): void => {
  if (process.env.CONSULTA_TEST_TIMINGS) process.stdout.write(`[embedded-postgres] ${message}\n`);
};

let tmp: string;
let server: EmbeddedPostgres | undefined;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-embedded-"));
  fs.chmodSync(tmp, 0o755); // as root, the server's unprivileged user must be able to enter it
});

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("startEmbeddedPostgres", () => {
  const dataDir = (): string => path.join(tmp, "cluster");

  it("initialises a cluster, and restarts on the same data directory keeping its data", async () => {
    let t = Date.now();
    server = await startEmbeddedPostgres({ dataDir: dataDir() });
    log(`cold start (initdb + start): ${Date.now() - t} ms`);
    expect(server.url).toMatch(/^postgresql:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/postgres$/);
    await sql(server.url, "CREATE TABLE kept (note text)");
    await sql(server.url, "INSERT INTO kept VALUES ($1)", ["still here"]);
    const firstPort = server.port;
    t = Date.now();
    await server.stop();
    log(`stop: ${Date.now() - t} ms`);
    expect(fs.existsSync(path.join(dataDir(), "postmaster.pid"))).toBe(false);

    t = Date.now();
    server = await startEmbeddedPostgres({ dataDir: dataDir() });
    log(`warm start: ${Date.now() - t} ms (port ${firstPort} → ${server.port})`);
    expect(await sql(server.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
    // Same credentials: they live in the cluster directory.
    expect(server.url.split("@")[0]).toBeTruthy();
  });

  it("listens on a requested port and stops cleanly", async () => {
    const port = await findFreePort();
    server = await startEmbeddedPostgres({ dataDir: dataDir(), port });
    expect(server.port).toBe(port);
    expect(await sql(server.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    const pid = server.pid;
    await server.stop();
    await server.stop(); // idempotent
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it("says so when the requested port is taken", async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      await expect(startEmbeddedPostgres({ dataDir: dataDir(), port })).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("starts after a crash left a stale postmaster.pid behind", async () => {
    const pidFile = path.join(dataDir(), "postmaster.pid");
    // A pid that is not running (a crashed server)…
    fs.writeFileSync(pidFile, `999999\n${dataDir()}\n1700000000\n5432\n\n127.0.0.1\n  5432001         0\nready   \n`);
    server = await startEmbeddedPostgres({ dataDir: dataDir() });
    expect(await sql(server.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
    await server.stop();

    // …and a pid reused by an unrelated live process (this jest worker).
    fs.writeFileSync(pidFile, `${process.pid}\n${dataDir()}\n1700000000\n5432\n\n127.0.0.1\n  5432001         0\nready   \n`);
    server = await startEmbeddedPostgres({ dataDir: dataDir() });
    expect(await sql(server.url, "SELECT count(*)::int AS n FROM kept")).toEqual([{ n: 1 }]);
  });

  it("refuses to start a second server on a data directory in use", async () => {
    server = await startEmbeddedPostgres({ dataDir: dataDir() });
    await expect(startEmbeddedPostgres({ dataDir: dataDir() })).rejects.toThrow(/already running on/);
  });

  it("refuses a non-empty directory that is not a cluster", async () => {
    const junk = path.join(tmp, "junk");
    fs.mkdirSync(junk);
    fs.writeFileSync(path.join(junk, "notes.txt"), "not a database");
    await expect(startEmbeddedPostgres({ dataDir: junk })).rejects.toThrow(/is not a complete embedded PostgreSQL cluster/);
  });
});

describe("hydratePostgresSymlinks", () => {
  it("recreates missing library symlinks, idempotently", () => {
    const pkg = path.join(tmp, "fake-platform-package");
    const lib = path.join(pkg, "native", "lib");
    fs.mkdirSync(lib, { recursive: true });
    fs.writeFileSync(path.join(lib, "libdemo.so.1.2"), "binary");
    fs.writeFileSync(
      path.join(pkg, "native", "pg-symlinks.json"),
      JSON.stringify([
        { source: "native/lib/libdemo.so.1.2", target: "native/lib/libdemo.so.1" },
        { source: "native/lib/libdemo.so.1.2", target: "native/lib/libdemo.so" },
      ]),
    );
    const nativeDir = path.join(pkg, "native");
    expect(hydratePostgresSymlinks(nativeDir)).toBe(2);
    expect(fs.readlinkSync(path.join(lib, "libdemo.so"))).toBe("libdemo.so.1.2");
    expect(fs.readFileSync(path.join(lib, "libdemo.so.1"), "utf8")).toBe("binary");
    expect(hydratePostgresSymlinks(nativeDir)).toBe(0);

    fs.unlinkSync(path.join(lib, "libdemo.so"));
    expect(hydratePostgresSymlinks(nativeDir)).toBe(1);
  });

  it("leaves the installed binaries complete", () => {
    expect(hydratePostgresSymlinks()).toBe(0);
  });
});
