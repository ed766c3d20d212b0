import { NextRequest } from "next/server";
import { createProxy } from "@/proxy";

/** The accountability pages' addresses: the list's filters are checked by the page's own schema (lib/accountability). */
const proxy = createProxy(async (address) => address.slug === "piano-pisa");
const route = async (path: string) => {
  const response = await proxy(new NextRequest(new URL(path, "http://localhost:3000")));
  return { status: response.status, rewrite: response.headers.get("x-middleware-rewrite") };
};

test.each([
  ["/piani/piano-pisa/attuazione", "/it/piani/piano-pisa/attuazione"],
  ["/piani/piano-pisa/attuazione?asse=2&stato=IN_PROGRESS&dipartimento=Servizi%20sociali", "/it/piani/piano-pisa/attuazione"],
  ["/piani/piano-pisa/attuazione?asse=&stato=&dipartimento=", "/it/piani/piano-pisa/attuazione"],
  ["/en/piani/piano-pisa/attuazione?stato=DONE", "/en/piani/piano-pisa/attuazione"],
  ["/piani/piano-pisa/attuazione/3.12?esito=aggiornamento-pubblicato", "/it/piani/piano-pisa/attuazione/3.12"],
])("%s is the page", async (path, target) => {
  const { status, rewrite } = await route(path);
  expect(status).toBe(200);
  expect(new URL(rewrite!).pathname).toBe(target);
});

test.each([
  "/piani/piano-pisa/attuazione?asse=uno",
  "/piani/piano-pisa/attuazione?asse=0",
  "/piani/piano-pisa/attuazione?stato=finita",
  `/piani/piano-pisa/attuazione?dipartimento=${"x".repeat(121)}`,
  "/piani/piano-pisa/attuazione/tre",
])("%s is a malformed address (400)", async (path) => {
  expect((await route(path)).status).toBe(400);
});

test("an unknown plan is not found", async () => {
  expect((await route("/piani/altro-piano/attuazione?stato=DONE")).status).toBe(404);
});
