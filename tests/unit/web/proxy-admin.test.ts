import { NextRequest } from "next/server";
import { createProxy } from "@/proxy";

/** The admin users page's address: its query is checked by the same schema as the page's. */
const proxy = createProxy(async () => false);
const route = async (path: string) => {
  const response = await proxy(new NextRequest(new URL(path, "http://localhost:3000")));
  return { status: response.status, rewrite: response.headers.get("x-middleware-rewrite") };
};

test.each([
  ["/admin/utenti", "/it/admin/utenti"],
  ["/admin/utenti?q=rossi&pagina=3&esito=ruolo-cambiato", "/it/admin/utenti"],
  ["/en/admin/utenti", "/en/admin/utenti"],
])("%s is the page", async (path, target) => {
  const { status, rewrite } = await route(path);
  expect(status).toBe(200);
  expect(new URL(rewrite!).pathname).toBe(target);
});

test.each(["/admin/utenti?pagina=0", "/admin/utenti?pagina=abc", "/admin/utenti?esito=hacked", `/admin/utenti?q=${"x".repeat(201)}`])("%s is a bad request", async (path) => {
  expect(await route(path)).toMatchObject({ status: 400 });
});

test("no other admin address exists", async () => {
  expect(await route("/admin")).toMatchObject({ status: 404 });
});
