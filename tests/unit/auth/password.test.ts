import { hashPassword, isCommonPassword, passwordProblems, verifyPassword } from "@/lib/auth/password";
import { signUpSchema } from "@/lib/auth/auth.schemas";

describe("password hashing", () => {
  test("scrypt with parameters and salt in the encoded form; verify accepts only the right password", async () => {
    const encoded = await hashPassword("una frase abbastanza lunga");
    expect(encoded).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword("una frase abbastanza lunga", encoded)).toBe(true);
    expect(await verifyPassword("una frase abbastanza lungA", encoded)).toBe(false);
    expect(await hashPassword("una frase abbastanza lunga")).not.toBe(encoded);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });
});

describe("password rules", () => {
  test("length, common list (case-insensitive), email local part", () => {
    expect(passwordProblems("Xy7#kq")).toEqual(["tooShort"]);
    expect(passwordProblems("x".repeat(201))).toEqual(["tooLong"]);
    expect(isCommonPassword("1234567890")).toBe(true);
    expect(passwordProblems("QwertyUiop")).toEqual(["common"]);
    expect(passwordProblems("mario.rossi.pisa", "Mario.Rossi.Pisa@example.it")).toEqual(["sameAsEmail"]);
    expect(passwordProblems("Ponte di Mezzo 1944")).toEqual([]);
  });

  test("the sign-up schema reports them as message keys on the password field", () => {
    const result = signUpSchema.safeParse({ email: " Anna@Example.IT ", password: "1234567890", displayName: "Anna", category: "CITIZEN", locale: "it" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["password", "auth.password.common"]]);
    const ok = signUpSchema.parse({ email: " Anna@Example.IT ", password: "Ponte di Mezzo 1944", displayName: " Anna ", category: "FAMILY", organisation: "", locale: "en" });
    expect(ok).toMatchObject({ email: "anna@example.it", displayName: "Anna", organisation: null, municipality: null, category: "FAMILY" });
  });

  test("unknown category or language is refused", () => {
    const result = signUpSchema.safeParse({ email: "a@example.it", password: "Ponte di Mezzo 1944", displayName: "A", category: "ALIEN", locale: "fr" });
    expect(result.error?.issues.map((issue) => issue.path.join(".")).sort()).toEqual(["category", "locale"]);
  });
});
