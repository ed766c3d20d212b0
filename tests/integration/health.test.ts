import net from "node:net";
import { createPrismaClient } from "@/lib/db/client";
import { checkDatabase } from "@/lib/db/check-database";
import { databaseForThisFile } from "@/tests/support/test-database";
import { closedPort } from "../support/pg-sql";

const db = databaseForThisFile();

describe("checkDatabase", () => {
  test("is true when PostgreSQL answers", async () => {
    expect(await checkDatabase(db.prisma)).toBe(true);
  });

  test("is false, without throwing, when nothing listens at the database address", async () => {
    const unreachable = createPrismaClient(`postgresql://nobody:secret@127.0.0.1:${await closedPort()}/none`);
    const warn = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await checkDatabase(unreachable)).toBe(false);
    } finally {
      warn.mockRestore();
      await unreachable.$disconnect();
    }
  });

  test("is false when the database does not answer within the timeout", async () => {
    // A server that accepts connections but never speaks: the check must not hang.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    const hanging = createPrismaClient(`postgresql://nobody:secret@127.0.0.1:${port}/none`);
    const warn = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await checkDatabase(hanging, 300)).toBe(false);
    } finally {
      warn.mockRestore();
      sockets.forEach((socket) => socket.destroy());
      silent.close();
      await hanging.$disconnect().catch(() => undefined);
    }
  }, 15_000);
});
