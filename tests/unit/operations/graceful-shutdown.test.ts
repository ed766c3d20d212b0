import { createServer, request as httpRequest, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gracefulShutdown } from "@/lib/operations/graceful-shutdown";
import { databaseAvailability, startDatabaseMonitor } from "@/lib/operations/database-availability";

const quiet = () => {
  const out = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  return () => {
    out.mockRestore();
    err.mockRestore();
  };
};

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function listening(handler: RequestListener): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describe("gracefulShutdown", () => {
  test("drains first, refuses new connections, lets the slow request finish, cleans up in order, exits 0", async () => {
    const restore = quiet();
    const events: string[] = [];
    const { server, port } = await listening((_req, res) => {
      setTimeout(() => res.end("slow done"), 400);
    });
    try {
      const inFlight = get(port, "/slow");
      await new Promise((r) => setTimeout(r, 50));
      let exitCode: number | undefined;
      const stop = gracefulShutdown({
        server,
        timeoutMs: 5000,
        startDraining: () => events.push("draining"),
        closeLive: async () => void events.push("live told"),
        cleanup: [
          ["workers", () => void events.push("workers")],
          ["pool", async () => void events.push("pool")],
        ],
        exit: (code) => {
          exitCode = code;
        },
      });
      const stopped = stop("SIGTERM");
      await new Promise((r) => setTimeout(r, 50));
      await expect(get(port, "/new")).rejects.toMatchObject({ code: "ECONNREFUSED" });
      expect(await inFlight).toEqual({ status: 200, body: "slow done" });
      await stopped;
      expect(events).toEqual(["draining", "live told", "workers", "pool"]);
      expect(exitCode).toBe(0);
      // A second signal does not start a second shutdown.
      await stop("SIGINT");
      expect(events).toHaveLength(4);
    } finally {
      restore();
      server.closeAllConnections();
    }
  });

  test("past the bound: exit 1 with a log line naming the step", async () => {
    const lines: string[] = [];
    const out = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const { server, port } = await listening(() => {
      // never answers
    });
    try {
      const hanging = get(port, "/hang").catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
      const exited = new Promise<number>((resolve) => {
        void gracefulShutdown({ server, timeoutMs: 300, startDraining: () => undefined, closeLive: async () => undefined, cleanup: [], exit: resolve })("SIGTERM");
      });
      const started = Date.now();
      expect(await exited).toBe(1);
      expect(Date.now() - started).toBeLessThan(1500);
      const line = lines.map((text) => JSON.parse(text) as Record<string, unknown>).find((entry) => entry.message === "shutdown timed out: exiting with work still running");
      expect(line).toMatchObject({ level: "error", timeoutMs: 300, step: "waiting for in-flight requests" });
      server.closeAllConnections();
      await hanging;
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});

describe("database availability monitor", () => {
  test("goes down after a failed check, polls faster while down, comes back by itself", async () => {
    const restore = quiet();
    let answering = true;
    let checks = 0;
    const changes: boolean[] = [];
    const monitor = startDatabaseMonitor("postgresql://unused", {
      intervalMs: 200,
      downIntervalMs: 20,
      probe: async () => {
        checks += 1;
        return answering;
      },
      onChange: (state) => changes.push(state.up),
    });
    try {
      expect((await monitor.check()).up).toBe(true);
      answering = false;
      expect((await monitor.check()).up).toBe(false);
      expect(databaseAvailability().up).toBe(false);
      const before = checks;
      await new Promise((r) => setTimeout(r, 150));
      // Down: every 20 ms rather than every 200 ms.
      expect(checks - before).toBeGreaterThanOrEqual(4);
      answering = true;
      await new Promise((r) => setTimeout(r, 60));
      expect(databaseAvailability().up).toBe(true);
      expect(changes).toEqual([false, true]);
    } finally {
      monitor.stop();
      restore();
    }
  });
});
