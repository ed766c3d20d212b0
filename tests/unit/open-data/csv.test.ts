import { csvField, csvRecord } from "@/lib/open-data/csv";

describe("csvField (RFC 4180 + formula neutralisation)", () => {
  test.each([
    ["plain", "plain"],
    ["Città di Pisa, Toscana", '"Città di Pisa, Toscana"'],
    ['il "tavolo"', '"il ""tavolo"""'],
    ["riga 1\nriga 2", '"riga 1\nriga 2"'],
    ["a\r\nb", '"a\r\nb"'],
    ["", ""],
  ])("%j → %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test.each([
    ["=SOMMA(A1)", "'=SOMMA(A1)"],
    ["+39 050 123", "'+39 050 123"],
    ["-x", "'-x"],
    ["@x", "'@x"],
    ["\tx", "'\tx"],
    ["\rx", '"\'\rx"'],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
  ])("a text cell starting with a formula character is prefixed: %j → %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test("numbers are written as numbers, never prefixed; null is an empty field", () => {
    expect(csvField(-12)).toBe("-12");
    expect(csvField(1234567890123)).toBe("1234567890123");
    expect(csvField(0)).toBe("0");
    expect(csvField(12n)).toBe("12");
    expect(csvField(true)).toBe("true");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
  });

  test("a record ends with CRLF", () => {
    expect(csvRecord(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });
});
