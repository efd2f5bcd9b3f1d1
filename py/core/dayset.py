"""A set of days (ordinals) kept as a bitmap: one practice's check-ins over any number of years.

Why a bitmap: a practice done on 40% of days for 5 years is ~730 days. As ISO strings that is
~9 kB of JSON to parse, validate and write back on every tick; as a bitmap it is 229 bytes,
stored as 458 hex characters, and bytes.fromhex()/bytes.hex() turn it into bytes and back in C
in both CPython and MicroPython. Runs of days ("start+length") were smaller only for sparse or
very regular use and cost far more to decode for a typical, irregular history.

Costs: has/add/discard O(1) (add before the first day shifts the bytes once); len() O(bytes) the
first time, then O(1); truth (empty or not) O(bytes) in C; counting a range O(days in it);
building from or listing as ordinals O(days).
"""
from core import dates

# Set bits in every byte value, for counting without a loop over bits. Written out: computing it
# (bin(i).count("1") for 256 values) took a few ms of every start-up in MicroPython.
POPCOUNT = bytes.fromhex(
    "0001010201020203010202030203030401020203020303040203030403040405"
    "0102020302030304020303040304040502030304030404050304040504050506"
    "0102020302030304020303040304040502030304030404050304040504050506"
    "0203030403040405030404050405050603040405040505060405050605060607"
    "0102020302030304020303040304040502030304030404050304040504050506"
    "0203030403040405030404050405050603040405040505060405050605060607"
    "0203030403040405030404050405050603040405040505060405050605060607"
    "0304040504050506040505060506060704050506050606070506060706070708"
)
MAX_BYTES = 10600  # 232 years of days: more than dates.FIRST_DAY..LAST_DAY


class DaySet:
    """Bit i of `bits` (byte i // 8, bit i % 8) is day `start + i`; start is a multiple of 8."""

    def __init__(self, start=0, bits=None):
        self.start = start
        self.bits = bytearray(bits or b"")
        # Counted when first asked, not here: opening years of history needs no counts. (The
        # count used to be bin(int.from_bytes(…)).count("1"): fast in CPython, but quadratic in
        # MicroPython, 7.6 ms a practice after ten years: most of the cost of opening.)
        self.counted = None

    @classmethod
    def from_ordinals(cls, ordinals):
        days = cls()
        for n in ordinals:
            days.add(n)
        return days

    @classmethod
    def from_isos(cls, isos):
        """From "YYYY-MM-DD" strings, which must be valid dates."""
        return cls.from_ordinals(dates.ordinal(d) for d in isos)

    @classmethod
    def from_hex(cls, first, hex_text):
        """From the stored form; ValueError when it is not one."""
        if not isinstance(hex_text, str) or len(hex_text) > 2 * MAX_BYTES or not dates.is_date(first):
            raise ValueError("not a day bitmap")
        start = dates.ordinal(first)
        if start % 8:
            raise ValueError("not a day bitmap")
        return cls(start, bytes.fromhex(hex_text))

    def stored(self):
        """(first day ISO, hex) with no empty bytes at either end; None when empty."""
        if not self:
            return None
        lo, hi = 0, len(self.bits)
        while not self.bits[lo]:
            lo += 1
        while not self.bits[hi - 1]:
            hi -= 1
        return dates.iso(self.start + 8 * lo), bytes(self.bits[lo:hi]).hex()

    def __len__(self):
        if self.counted is None:
            total = 0
            for byte in self.bits:
                total += POPCOUNT[byte]
            self.counted = total
        return self.counted

    def __bool__(self):
        """Whether any day is set, without counting them (a comparison done in C)."""
        if self.counted is not None:
            return self.counted > 0
        return self.bits != bytes(len(self.bits))

    def __eq__(self, other):
        return isinstance(other, DaySet) and self.stored() == other.stored()

    def has(self, n):
        i = n - self.start
        return 0 <= i < 8 * len(self.bits) and bool(self.bits[i >> 3] & (1 << (i & 7)))

    def add(self, n):
        if self.has(n):
            return
        if not self.bits:
            self.start = n - n % 8
        elif n < self.start:
            new_start = n - n % 8
            self.bits = bytearray((self.start - new_start) // 8) + self.bits
            self.start = new_start
        i = n - self.start
        if (i >> 3) >= len(self.bits):
            self.bits += bytearray((i >> 3) + 1 - len(self.bits))
        self.bits[i >> 3] |= 1 << (i & 7)
        if self.counted is not None:
            self.counted += 1

    def discard(self, n):
        if self.has(n):
            i = n - self.start
            self.bits[i >> 3] &= 255 ^ (1 << (i & 7))
            if self.counted is not None:
                self.counted -= 1

    def count(self, first, last):
        """Days in the set from ordinal `first` to `last`, both included (whole bytes at a time)."""
        lo, hi = max(first - self.start, 0), min(last - self.start, 8 * len(self.bits) - 1)
        if lo > hi:
            return 0
        total = 0
        for i in range(lo >> 3, (hi >> 3) + 1):
            byte = self.bits[i]
            if i == lo >> 3:
                byte &= (255 << (lo & 7)) & 255
            if i == hi >> 3:
                byte &= 255 >> (7 - (hi & 7))
            total += POPCOUNT[byte]
        return total

    def week_counts(self, first, weeks, today):
        """Days in the set in each of `weeks` weeks from the Monday `first`, oldest first, none after today
        (dates.py: what a week is). A week's seven days lie within two bytes, so each costs a few
        operations, where count()'s general loop cost a call and more per week (the chart counts 12 weeks
        of every practice)."""
        bits, size = self.bits, len(self.bits)
        counts = [0] * weeks
        if self.start + 8 * size <= first or self.start > today:
            return counts   # nothing in these weeks
        for w in range(weeks):
            i = first + 7 * w - self.start   # the week's Monday as a bit index (negative: before the bitmap)
            lo = i >> 3                      # floor, also for negative i; i & 7 is then 0..7
            pair = (bits[lo] if 0 <= lo < size else 0) | ((bits[lo + 1] if 0 <= lo + 1 < size else 0) << 8)
            week = (pair >> (i & 7)) & 127
            ahead = first + 7 * w + 6 - today
            if ahead > 0:
                week &= 127 >> ahead         # today's week: only the days up to today
            counts[w] = POPCOUNT[week]
        return counts

    def ordinals(self):
        """Every day in the set, oldest first."""
        out = []
        for byte_index in range(len(self.bits)):
            byte = self.bits[byte_index]
            if byte:
                base = self.start + 8 * byte_index
                for bit in range(8):
                    if byte & (1 << bit):
                        out.append(base + bit)
        return out

    def isos(self):
        return [dates.iso(n) for n in self.ordinals()]

    def union(self, other):
        """A new set with the days of both."""
        if not other:
            return DaySet(self.start, self.bits)
        if not self:
            return DaySet(other.start, other.bits)
        start = min(self.start, other.start)
        end = max(self.start + 8 * len(self.bits), other.start + 8 * len(other.bits))
        bits = bytearray((end - start) // 8)
        for source in (self, other):
            offset = (source.start - start) // 8
            for i in range(len(source.bits)):
                bits[offset + i] |= source.bits[i]
        return DaySet(start, bits)
