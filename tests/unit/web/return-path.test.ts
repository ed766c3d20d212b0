import { safeReturnPath } from "@/lib/web/return-path";

describe("safeReturnPath: where sign-in may send someone back", () => {
  test.each(["/partecipa/ABC234", "/en/partecipa/ABC234", "/consultazioni/3f0c5a52-7a39-4d7e-9a8e-0b7a1f3c2d11"])("a path on this site: %s", (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  test.each(["//evil.example/x", "/\\evil.example", "https://evil.example/", "partecipa/ABC234", "/partecipa?x=1", "/a b", "", undefined, 42, `/${"a".repeat(400)}`])(
    "anything else is refused: %p",
    (value) => {
      expect(safeReturnPath(value)).toBeNull();
    },
  );
});
