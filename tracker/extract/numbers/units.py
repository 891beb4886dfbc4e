"""Lexicons for number mentions: currencies, scale words, measurement units, hedges and bounds.

Kept apart from the scanner so the tables can grow without touching the grammar. Multi-word
entries are tuples of lower-cased tokens as the tokenizer splits them ("per", "cent").
"""

from __future__ import annotations

import re

from ...lexicon import MONTH_NUMBERS

#: The tokenizer shared by the scanner and these tables: digit groups (separators only between
#: digits, so no nested quantifier can backtrack), letter runs, or one other visible character.
TOKEN_RE = re.compile(r"\d+(?:[.,\u202f]\d+)*|[^\W\d_]+|\S")

#: Currency marks written before the amount, as token tuples -> ISO-ish code.
CURRENCY_PREFIX: dict[tuple[str, ...], str] = {
    ("$",): "USD", ("us", "$"): "USD", ("u", ".", "s", ".", "$"): "USD", ("$", "us"): "USD",
    ("usd",): "USD", ("us$",): "USD",
    ("€",): "EUR", ("eur",): "EUR", ("£",): "GBP", ("gbp",): "GBP", ("ps",): "GBP",
    ("¥",): "JPY", ("y", "="): "JPY", ("jpy",): "JPY", ("yen",): "JPY",
    ("hk", "$"): "HKD", ("c", "$"): "CAD", ("ca", "$"): "CAD", ("a", "$"): "AUD",
    ("au", "$"): "AUD", ("nz", "$"): "NZD", ("s", "$"): "SGD", ("r", "$"): "BRL",
    ("$", "a"): "AUD", ("$", "nz"): "NZD", ("$", "c"): "CAD",
    ("rm",): "MYR", ("rs",): "INR", ("rs", "."): "INR", ("₹",): "INR", ("inr",): "INR",
    ("cad",): "CAD", ("aud",): "AUD", ("chf",): "CHF", ("cny",): "CNY", ("rmb",): "CNY",
    ("₩",): "KRW", ("₽",): "RUB", ("₪",): "ILS", ("nis",): "ILS", ("zar",): "ZAR", ("₿",): "BTC",
}
#: Letters-only prefixes that must touch the digits ("RM79", "PS6m"), to avoid ordinary words.
TIGHT_PREFIX = frozenset({("rm",), ("ps",), ("rs",), ("y", "=")})

#: Currency names written after the amount -> code.
CURRENCY_SUFFIX: dict[tuple[str, ...], str] = {
    ("dollars",): "USD", ("dollar",): "USD", ("us", "dollars"): "USD", ("u", ".", "s", ".", "dollars"): "USD",
    ("australian", "dollars"): "AUD", ("canadian", "dollars"): "CAD", ("new", "zealand", "dollars"): "NZD",
    ("hong", "kong", "dollars"): "HKD", ("singapore", "dollars"): "SGD", ("taiwan", "dollars"): "TWD",
    ("euros",): "EUR", ("euro",): "EUR", ("pounds", "sterling"): "GBP", ("sterling",): "GBP",
    ("yuan",): "CNY", ("renminbi",): "CNY", ("yen",): "JPY", ("won",): "KRW", ("rupees",): "INR",
    ("rupee",): "INR", ("ringgit",): "MYR", ("shekels",): "ILS", ("shekel",): "ILS", ("rubles",): "RUB",
    ("roubles",): "RUB", ("pesos",): "MXN", ("rand",): "ZAR", ("francs",): "CHF", ("swiss", "francs"): "CHF",
    ("danish", "crowns"): "DKK", ("danish", "kroner"): "DKK", ("swedish", "crowns"): "SEK",
    ("swedish", "kronor"): "SEK", ("norwegian", "crowns"): "NOK", ("norwegian", "kroner"): "NOK",
    ("crowns",): "DKK", ("kroner",): "DKK", ("kronor",): "SEK", ("lira",): "TRY", ("naira",): "NGN",
    ("dirhams",): "AED", ("riyals",): "SAR", ("baht",): "THB", ("reais",): "BRL",
    ("usd",): "USD", ("eur",): "EUR", ("gbp",): "GBP", ("jpy",): "JPY", ("cny",): "CNY", ("sek",): "SEK",
    ("cents",): "USD-cent", ("cent",): "USD-cent", ("pence",): "GBP-pence", ("p",): "GBP-pence",
    ("finnish", "markka"): "FIM", ("markka",): "FIM", ("bitcoin",): "BTC", ("bitcoins",): "BTC",
    ("btc",): "BTC", ("rmb",): "CNY", ("chinese", "yuan"): "CNY", ("us", "dollar"): "USD",
    ("pesetas",): "ESP", ("guilders",): "NLG", ("dutch", "guilders"): "NLG", ("marks",): "DEM",
    ("deutsche", "marks"): "DEM", ("lire",): "ITL", ("penny",): "GBP-pence", ("pennies",): "USD-cent",
    ("hkd",): "HKD", ("sgd",): "SGD",
}
#: Currency symbols written after the amount ("10 €", "100元").
CURRENCY_SYMBOL_AFTER: dict[str, str] = {
    "€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "元": "CNY", "₹": "INR", "₩": "KRW", "₽": "RUB",
    "₪": "ILS", "₡": "CRC", "₾": "GEL", "₭": "LAK", "₿": "BTC", "₺": "TRY", "₦": "NGN", "₫": "VND",
}

#: Scale words after a number; the short forms only count when attached or after a currency.
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "crore": 1e7, "mln": 1e6, "mn": 1e6, "bln": 1e9, "bn": 1e9, "tln": 1e12, "trn": 1e12,
    "tn": 1e12, "mil": 1e6, "mm": 1e6,
}
SHORT_SCALES: dict[str, float] = {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12, "g": 1e9}

#: Percent markers -> unit.
PERCENT: dict[tuple[str, ...], str] = {
    ("%",): "%", ("per", "cent"): "%", ("percent",): "%", ("percents",): "%", ("percentage",): "%",
    ("pc",): "%", ("pct",): "%",
    ("per", "-", "cent"): "%", ("percentage", "points"): "percentage points",
    ("percentage", "point"): "percentage points", ("basis", "points"): "basis points",
    ("basis", "point"): "basis points", ("bps",): "basis points",
}

#: Measurement units (kind "measure") -> normalised unit. Lower-cased token tuples.
UNITS: dict[tuple[str, ...], str] = {}


def _add(norm: str, *forms: str) -> None:
    for form in forms:
        UNITS[tuple(_split(form))] = norm


def _split(form: str) -> list[str]:
    return [m.group().lower() for m in TOKEN_RE.finditer(form)]


_add("second", "second", "seconds", "sec", "secs")
_add("minute", "minute", "minutes", "min", "mins")
_add("hour", "hour", "hours", "hrs", "hr")
_add("day", "day", "days")
_add("week", "week", "weeks")
_add("month", "month", "months")
_add("year", "year", "years", "yrs")
_add("decade", "decade", "decades")
_add("century", "century", "centuries")
_add("millimetre", "mm", "millimeter", "millimeters", "millimetre", "millimetres")
_add("centimetre", "cm", "centimeter", "centimeters", "centimetre", "centimetres")
_add("metre", "m", "meter", "meters", "metre", "metres")
_add("kilometre", "km", "kms", "kilometer", "kilometers", "kilometre", "kilometres")
_add("nanometre", "nm", "nanometer", "nanometers", "nanometre", "nanometres")
_add("micrometre", "μm", "µm", "micron", "microns", "micrometer", "micrometers")
_add("inch", "inch", "inches", "in.")
_add("foot", "foot", "feet", "ft")
_add("yard", "yard", "yards", "yd", "yds")
_add("mile", "mile", "miles")
_add("square mile", "square miles", "square mile", "sq mi", "sq miles")
_add("square metre", "sq m", "sqm", "square metres", "square meters", "square metre", "square meter",
     "m2", "m²")
_add("square foot", "sq ft", "square feet", "square foot", "sqft")
_add("square kilometre", "square kilometres", "square kilometers", "sq km", "km2", "km²")
_add("acre", "acre", "acres")
_add("hectare", "hectare", "hectares", "ha")
_add("cubic foot", "cubic feet", "cubic foot", "cu ft")
_add("cubic metre", "cubic metres", "cubic meters", "m3", "m³")
_add("gram", "g", "gram", "grams", "gramme", "grammes")
_add("milligram", "mg", "milligram", "milligrams")
_add("kilogram", "kg", "kgs", "kilogram", "kilograms", "kilo", "kilos")
_add("pound", "lb", "lbs", "pound", "pounds")
_add("ounce", "oz", "ounce", "ounces")
_add("ton", "ton", "tons", "tonne", "tonnes", "t", "metric ton", "metric tons", "metric tonnes")
_add("microgram", "microgram", "micrograms", "μg", "µg", "mcg", "microgramme", "microgrammes")
_add("decimetre", "dm", "decimeter", "decimeters", "decimetre", "decimetres")
_add("tablespoon", "tablespoon", "tablespoons", "tbsp")
_add("teaspoon", "teaspoon", "teaspoons", "tsp")
_add("cup", "cups")
_add("litre", "l", "liter", "liters", "litre", "litres")
_add("millilitre", "ml", "milliliter", "milliliters", "millilitre", "millilitres")
_add("gallon", "gallon", "gallons", "gal")
_add("barrel", "barrel", "barrels", "bbl")
_add("dram", "dram", "drams")
_add("mph", "mph", "m.p.h.", "m.p.h", "miles per hour", "miles an hour")
_add("km/h", "km/h", "kph", "kmh", "kmph", "km/hr",
     "kilometres per hour", "kilometers per hour", "kilometres an hour",
     "kilometers an hour")
_add("m/s", "m/s", "metres per second", "meters per second")
_add("knot", "knot", "knots", "kt", "kts")
_add("mpg", "mpg")
_add("watt", "w", "watt", "watts")
_add("kilowatt", "kw", "kilowatt", "kilowatts")
_add("megawatt", "mw", "megawatt", "megawatts")
_add("gigawatt", "gw", "gigawatt", "gigawatts")
_add("kilowatt hour", "kwh", "kilowatt-hours", "kilowatt hours", "kilowatt-hour")
_add("megawatt hour", "mwh", "megawatt-hours", "megawatt hours")
_add("gigawatt hour", "gwh", "gigawatt-hours", "gigawatt hours")
_add("horsepower", "hp", "horsepower", "bhp", "ps")
_add("lb-ft", "lb-ft", "lb ft", "pound-feet", "lb.-ft.")
_add("newton metre", "nm.")
_add("volt", "v", "volt", "volts")
_add("kilovolt", "kv", "kilovolt", "kilovolts")
_add("ampere", "amp", "amps", "ampere", "amperes")

_add("hertz", "hz", "hertz")
_add("kilohertz", "khz")
_add("megahertz", "mhz")
_add("gigahertz", "ghz")
_add("byte", "bytes")
_add("kilobyte", "kb", "kilobytes")
_add("megabyte", "mb", "megabytes")
_add("gigabyte", "gb", "gigabytes")
_add("terabyte", "tb", "terabytes")
_add("mbps", "mbps", "mbit/s")
_add("gbps", "gbps")
_add("ppb", "ppb")
_add("ppm", "ppm")
_add("decibel", "db", "decibel", "decibels")
_add("ksi", "ksi")
_add("psi", "psi")
_add("mpa", "mpa")
_add("calorie", "calorie", "calories", "kcal")
_add("degree", "degree", "degrees", "°", "deg")
_add("°C", "°c", "degc", "deg c", "degree celsius", "degrees celsius", "degrees centigrade", "celsius",
     "deg celsius", "degree c", "degrees c", "c°", "° c")
_add("°F", "°f", "degf", "deg f", "degree fahrenheit", "degrees fahrenheit", "fahrenheit",
     "deg fahrenheit", "degree f", "degrees f", "° f")
_add("kelvin", "kelvin")
_add("fold", "fold")
_add("G", "g")  # mobile network generation: only attached ("5G"), see the scanner

#: Units that are ambiguous as words and so only count when attached to the digits ("5G", "200W").
ATTACHED_ONLY = frozenset({
    ("g",), ("m",), ("t",), ("l",), ("w",), ("v",), ("f",), ("c",), ("ha",), ("in", "."), ("ps",), ("min",),
    ("c", "°"),
})

#: Words before a number that make it approximate.
APPROX_BEFORE: tuple[tuple[str, ...], ...] = (
    ("an", "estimated"), ("estimated",), ("about",), ("around",), ("some",), ("nearly",), ("almost",),
    ("roughly",), ("approximately",), ("approx", "."), ("approx",), ("circa",), ("ca", "."),
    ("close", "to"), ("upwards", "of"), ("in", "the", "region", "of"), ("on", "the", "order", "of"),
    ("something", "like"), ("an", "approximate"), ("about", "a"), ("around", "a"),
    ("~",), ("≈",), ("just", "about"), ("more", "or", "less"), ("as", "many", "as"),
    ("as", "much", "as"), ("as", "few", "as"), ("as", "little", "as"), ("or", "so"),
)
#: Words before a number that bound it.
BOUND_BEFORE: tuple[tuple[tuple[str, ...], str], ...] = (
    (("more", "than"), ">"), (("greater", "than"), ">"), (("higher", "than"), ">"),
    (("larger", "than"), ">"), (("over",), ">"), (("above",), ">"), (("exceeding",), ">"),
    (("in", "excess", "of"), ">"), (("well", "over"), ">"), (("well", "above"), ">"),
    (("just", "over"), ">"), (("north", "of"), ">"), (("upward", "of"), ">"), (("upwards", "of"), ">"),
    (("at", "least"), ">="), (("no", "fewer", "than"), ">="), (("no", "less", "than"), ">="),
    (("a", "minimum", "of"), ">="), (("minimum", "of"), ">="), (("or", "more"), ">="),
    (("fewer", "than"), "<"), (("less", "than"), "<"), (("under",), "<"), (("below",), "<"),
    (("just", "under"), "<"), (("lower", "than"), "<"), (("shy", "of"), "<"), (("short", "of"), "<"),
    (("up", "to"), "<="), (("at", "most"), "<="), (("no", "more", "than"), "<="),
    (("a", "maximum", "of"), "<="), (("maximum", "of"), "<="), (("as", "many", "as"), "<="),
    (("less", "than", "or", "equal", "to"), "<="), (("greater", "than", "or", "equal", "to"), ">="),
    (("more", "than", "or", "equal", "to"), ">="), (("smaller", "than"), "<"), (("bigger", "than"), ">"),
    (("exceed",), ">"), (("exceeds",), ">"), (("exceeding",), ">"), (("surpass",), ">"),
    (("surpassing",), ">"),
    ((">",), ">"), ((">", "="), ">="), (("<",), "<"), (("<", "="), "<="), (("≥",), ">="), (("≤",), "<="),
    (("smaller", "or", "equal", "than"), "<="), (("bigger", "or", "equal", "than"), ">="),
    (("higher", "or", "equal", "than"), ">="), (("lower", "or", "equal", "than"), "<="),
    (("as", "much", "as"), "<="), (("not", "more", "than"), "<="), (("or", "fewer"), "<="),
    (("or", "less"), "<="), (("sub", "-"), "<"), (("at", "most"), "<="),
)
#: Hedges written after the number ("500 or so", "20-odd", "50-plus").
APPROX_AFTER: tuple[tuple[str, ...], ...] = (("or", "so"), ("-", "odd"), ("odd",), ("-", "some"))
BOUND_AFTER: tuple[tuple[tuple[str, ...], str], ...] = (
    (("or", "more"), ">="), (("-", "plus"), ">"), (("plus",), ">"), (("+",), ">"), (("or", "fewer"), "<="),
    (("or", "less"), "<="), (("or", "above"), ">="), (("or", "older"), ">="), (("or", "greater"), ">="),
    (("or", "higher"), ">="), (("or", "younger"), "<="), (("or", "below"), "<="), (("and", "more"), ">="),
    (("and", "above"), ">="), (("and", "over"), ">="), (("and", "up"), ">="), (("or", "over"), ">="),
)

MONTHS = MONTH_NUMBERS  # the month numbers of dates ("March 3, 2016")
