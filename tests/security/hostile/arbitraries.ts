/**
 * What a hostile (or merely careless) client may put in a field, a query parameter or a path
 * segment: SQL and HTML metacharacters, script tags, megabyte strings, emoji, bidirectional
 * marks, NUL bytes, lone surrogates, dates and numbers that are not, ids of every shape.
 * Plausible values are mixed in so that some forms get past validation and reach the database.
 */
import fc from "fast-check";

/** A marker every hostile text carries, to find it again in the database and in the HTML. */
export const MARK = "ĦØ";

/** Strings no form is prepared for. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\t\n\r ",
  "'",
  "\"",
  "' OR '1'='1",
  "1; DROP TABLE records; --",
  "\" OR 1=1 --",
  "%' AND 1=0 UNION SELECT sqlite_version(), 2, 3 --",
  "\\",
  "%",
  "_",
  "*",
  "NEAR(\"a\" \"b\")",
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "</textarea><script>alert('x')</script>",
  "javascript:alert(1)",
  "{{7*7}} ${7*7} <%= 7*7 %>",
  "=HYPERLINK(\"http://evil.example\")",
  "+1+1",
  "@SUM(1)",
  "\u0000",
  "a\u0000b",
  "\u202Egpj.exe",
  "\u200F\u200E\u2066\u2069",
  "\uFEFF",
  "\uD800",
  "a\uDC00b",
  "😀👨‍👩‍👧‍👦🇨🇳",
  "新晃\u0301\u0301\u0301",
  "Ｓｅｌｅｃｔ",
  "../../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "/\\evil.example",
  "//evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "\r\nSet-Cookie: x=1",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-Infinity",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "0",
  "-0",
  "-1",
  "1.5",
  "1e309",
  "0x10",
  "1_000",
  " 7 ",
  "9007199254740993",
  "99999999999999999999999",
  "2026-02-30",
  "2026-13-01",
  "0000-00-00",
  "9999-12-31",
  "2026-1-1",
  "2026-01-01T25:61",
  "24:00",
  "99:99",
  "1970-01-01",
  "2026-06-01T08:00",
];

/** Long strings: the size limits must answer before anything else does. */
export const LONG_STRINGS: readonly (() => string)[] = [
  () => "界".repeat(5001),
  () => "a".repeat(20_001),
  () => "<script>".repeat(2000),
  () => "x".repeat(1024 * 1024),
  () => "😀".repeat(300_000),
];

/** Random strings with the awkward parts of Unicode over-represented. */
export const randomText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: fc.constantFrom("<", ">", "&", "'", "\"", "\u0000", "\u202E", "界", "\uD800", ";", "-", "%"), maxLength: 30 }),
);

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...LONG_STRINGS).map((make) => make()) },
  { weight: 3, arbitrary: randomText },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), randomText).map(([a, b]) => `${MARK}${a}${b}`) },
);

/** Ids as a URL or a form might carry them. */
export const hostileIdText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0", "-1", "-0", "1.5", "NaN", "Infinity", "1e3", "1e309", "0x1", "01", " 1", "1 ", "+1", "1abc", "", "9007199254740992", "9007199254740993", "18446744073709551616", "1;DROP TABLE records", "' OR 1=1", "%00", "../1"),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.uuid(),
  randomText,
);

const pad = (n: number) => String(n).padStart(2, "0");

/** Dates and times: real ones (so forms can pass) and impossible ones. */
export const dateText = fc.oneof(
  fc.date({ min: new Date("2019-01-01"), max: new Date("2027-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.tuple(fc.integer({ min: -1, max: 10000 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 })).map(
    ([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`,
  ),
  fc.constantFrom("2026-02-29", "2024-02-29", "2026-04-31", "today", "2026/01/01", "01-01-2026", "２０２６-０１-０１"),
);

export const dateTimeText = fc.oneof(
  fc.date({ min: new Date("2019-01-01"), max: new Date("2027-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)),
  fc.tuple(dateText, fc.integer({ min: -1, max: 30 }), fc.integer({ min: -1, max: 70 })).map(([d, h, m]) => `${d}T${pad(h)}:${pad(m)}`),
);

export const numberText = fc.oneof(
  fc.integer({ min: -5, max: 1000 }).map(String),
  fc.double().map(String),
  fc.constantFrom("1e309", "-0", "NaN", "1,000", "１２", "0.1", "12abc", "9007199254740993"),
);

/** One value for a field, given what the field expects (`plausible` values of that kind). */
export function fieldValue(plausible: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: plausible },
    { weight: 3, arbitrary: hostileText },
    { weight: 1, arbitrary: hostileIdText },
    { weight: 1, arbitrary: dateText },
    { weight: 1, arbitrary: numberText },
  );
}

/**
 * A field as posted: absent, once, or duplicated (the second copy hostile), so parsers that take
 * the first value and those that take all of them both meet something unexpected.
 */
export type Posted = string[] | undefined;

export function postedField(plausible: fc.Arbitrary<string>, list = false): fc.Arbitrary<Posted> {
  const one = fieldValue(plausible);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 6, arbitrary: one.map((v) => [v]) },
    { weight: 2, arbitrary: fc.array(one, { minLength: 2, maxLength: list ? 6 : 3 }) },
  );
}
