import { InvalidTimingError, parseTiming } from "@/lib/plan/timing";

describe("parseTiming", () => {
  test.each([
    ["01/03/2008 - 31/12/2009", "2008-03-01", "2009-12-31"],
    ["1/3/2008–31/12/2009", "2008-03-01", "2009-12-31"],
    ["dal 01/03/2008 al 31/12/2009", "2008-03-01", "2009-12-31"],
    ["dall’1.3.2008 al 31.12.2009", "2008-03-01", "2009-12-31"],
    ["2008-03-01 - 2009-12-31", "2008-03-01", "2009-12-31"],
    ["2008-2010", "2008-01-01", "2010-12-31"],
    ["2008/2010", "2008-01-01", "2010-12-31"],
    ["2008", "2008-01-01", "2008-12-31"],
    ["marzo 2008", "2008-03-01", "2008-03-31"],
    ["Febbraio 2008", "2008-02-01", "2008-02-29"],
    ["03/2008", "2008-03-01", "2008-03-31"],
    ["marzo 2008 - giugno 2009", "2008-03-01", "2009-06-30"],
    ["1 marzo 2008 - 30 giugno 2008", "2008-03-01", "2008-06-30"],
    ["01/03/2008", "2008-03-01", null], // a bare day reads as the start
    ["dal 01/03/2008", "2008-03-01", null],
    ["a partire da marzo 2008", "2008-03-01", null],
    ["dal 2009", "2009-01-01", null],
    ["entro il 31/12/2009", null, "2009-12-31"],
    ["fino a giugno 2009", null, "2009-06-30"],
    ["entro il 2010", null, "2010-12-31"],
  ])("%s → %s … %s", (text, startsOn, endsOn) => {
    expect(parseTiming(text)).toEqual({ startsOn, endsOn });
  });

  test.each(["24 mesi", "annuale", "almeno 2 volte l'anno", "da concordare", "01/03/2008 e 01/09/2008", "2008, 2009, 2010"])(
    "keeps no dates for %j",
    (text) => {
      expect(parseTiming(text)).toEqual({ startsOn: null, endsOn: null });
    },
  );

  test.each(["31/02/2008", "32/01/2008", "13/2008", "01/13/2008", "01/03/08", "2008-02-30", "01/03/1850"])(
    "rejects the impossible date %j",
    (text) => {
      expect(() => parseTiming(text)).toThrow(expect.objectContaining({ reason: "invalidDate" }));
    },
  );

  test("rejects a range that ends before it starts", () => {
    expect(() => parseTiming("2010-2008")).toThrow(InvalidTimingError);
    expect(() => parseTiming("31/12/2009 - 01/03/2008")).toThrow(expect.objectContaining({ reason: "reversedRange" }));
  });
});
