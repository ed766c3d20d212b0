import { instantFromLocal, localYear, parseDateTimeInput, toLocalInputValue } from "@/lib/rounds/local-time";

describe("Rome wall clock ↔ instants", () => {
  test("winter and summer offsets", () => {
    expect(parseDateTimeInput("2027-01-15T18:00")?.toISOString()).toBe("2027-01-15T17:00:00.000Z");
    expect(parseDateTimeInput("2027-07-15T18:00")?.toISOString()).toBe("2027-07-15T16:00:00.000Z");
    expect(toLocalInputValue(new Date("2027-07-15T16:00:00Z"))).toBe("2027-07-15T18:00");
  });

  test("the spring gap moves an hour later; the repeated autumn hour takes its first occurrence", () => {
    // 28 March 2027: 02:00 → 03:00. 31 October 2027: 03:00 → 02:00.
    expect(instantFromLocal({ year: 2027, month: 3, day: 28, hour: 2, minute: 30 }).toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(instantFromLocal({ year: 2027, month: 10, day: 31, hour: 2, minute: 30 }).toISOString()).toBe("2027-10-31T00:30:00.000Z");
    expect(instantFromLocal({ year: 2027, month: 10, day: 31, hour: 3, minute: 30 }).toISOString()).toBe("2027-10-31T02:30:00.000Z");
  });

  test("ISO instants with an offset are taken as they are; anything else is refused", () => {
    expect(parseDateTimeInput("2027-05-01T10:00:00Z")?.toISOString()).toBe("2027-05-01T10:00:00.000Z");
    expect(parseDateTimeInput("2027-05-01T10:00+02:00")?.toISOString()).toBe("2027-05-01T08:00:00.000Z");
    for (const bad of ["", "domani", "2027-02-30T10:00", "2027-13-01T10:00", "2027-05-01T24:00", "2027-05-01", "1999-05-01T10:00"]) expect(parseDateTimeInput(bad)).toBeNull();
  });

  test("the calendar year is Rome's", () => {
    expect(localYear(new Date("2027-12-31T23:30:00Z"))).toBe(2028);
    expect(localYear(new Date("2027-12-31T22:30:00Z"))).toBe(2027);
  });
});
